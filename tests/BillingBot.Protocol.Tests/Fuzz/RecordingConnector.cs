using System.Collections.Concurrent;
using System.Globalization;
using BillingBot.Protocol.Connector;
using BillingBot.Protocol.Schema;

namespace BillingBot.Protocol.Tests.Fuzz;

/// <summary>A connector that accepts every write in memory, so a fuzzed turn's replies go nowhere but are counted.</summary>
internal sealed class RecordingConnector : IConnectorClient
{
    private int _sent;

    public int Sent => _sent;

    public ConcurrentQueue<Activity> Activities { get; } = new();

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) => Accept(activity);

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) => Accept(activity);

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) => Accept(activity);

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) =>
        Task.FromResult(new ConversationResourceResponse("a:1created"));

    public Task<ChannelAccount> GetConversationMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken) =>
        Task.FromResult(new ChannelAccount(memberId));

    private Task<ResourceResponse> Accept(Activity activity)
    {
        Activities.Enqueue(activity);
        var id = Interlocked.Increment(ref _sent);
        return Task.FromResult(new ResourceResponse(id.ToString(CultureInfo.InvariantCulture)));
    }
}
