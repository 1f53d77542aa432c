using System.Security.Claims;
using BillingBot.Protocol.Schema;

namespace BillingBot.Protocol.Turns;

/// <summary>The turn context the adapter builds for each incoming or continued activity.</summary>
public sealed class TurnContext(BotAdapter adapter, Activity activity, ClaimsIdentity identity, string correlationId) : ITurnContext
{
    private int _sent;

    public Activity Activity { get; } = activity;

    public ClaimsIdentity Identity { get; } = identity;

    public string CorrelationId { get; } = correlationId;

    public IDictionary<string, object> TurnState { get; } = new Dictionary<string, object>(StringComparer.Ordinal);

    public bool Responded => Volatile.Read(ref _sent) > 0;

    public InvokeResponse? InvokeResponse { get; set; }

    public Task<ResourceResponse> SendActivityAsync(string text, CancellationToken cancellationToken) =>
        SendActivityAsync(ActivityExtensions.CreateMessage(text), cancellationToken);

    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.Type ??= ActivityTypes.Message;
        activity.ApplyConversationReference(Activity.GetConversationReference());
        var response = await adapter.SendActivityAsync(this, activity, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _sent);
        return response;
    }

    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.Type ??= ActivityTypes.Message;
        activity.ApplyConversationReference(Activity.GetConversationReference());
        return adapter.UpdateActivityAsync(this, activity, cancellationToken);
    }

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken) =>
        adapter.DeleteActivityAsync(this, activityId, cancellationToken);
}
