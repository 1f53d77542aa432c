using System.Text.Json.Nodes;

namespace BillingBot.TestKit.Channel;

/// <summary>
/// The normal answer to a request, worked out before the request is recorded so that a
/// create-conversation call can be recorded with the conversation id it gets.
/// </summary>
/// <param name="SentActivity">The activity the channel accepts if this answer is given.</param>
internal sealed record ConnectorAnswer(int Status, JsonNode? Body, string? ConversationId, JsonNode? SentActivity);
