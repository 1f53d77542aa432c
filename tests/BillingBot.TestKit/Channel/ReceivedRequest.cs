using System.Text.Json.Nodes;

namespace BillingBot.TestKit.Channel;

/// <summary>One request the <see cref="FakeTeamsChannel"/> received, recorded before it was answered.</summary>
/// <param name="Method">HTTP method, upper case.</param>
/// <param name="Path">
/// The raw path exactly as sent (still percent-escaped, no query), relative to
/// <see cref="FakeTeamsChannel.ServiceUrl"/>, e.g. <c>v3/conversations/a%3A1/activities</c>. A request
/// outside the service URL's base path keeps its leading '/' so the mistake is visible.
/// </param>
/// <param name="ConversationId">The unescaped conversation id from the path; for a create-conversation call, the id it was given.</param>
/// <param name="ActivityId">The unescaped activity id from the path (reply-to, update, delete), if any.</param>
/// <param name="Authorization">The Authorization header value, or null.</param>
/// <param name="Body">The JSON body, or null when empty or not JSON.</param>
public sealed record ReceivedRequest(
    string Method,
    string Path,
    string? ConversationId,
    string? ActivityId,
    string? Authorization,
    JsonNode? Body)
{
    /// <summary>When the channel received it, on the channel's <see cref="FakeTeamsChannel.TimeProvider"/>.</summary>
    public DateTimeOffset ReceivedAt { get; init; }
}
