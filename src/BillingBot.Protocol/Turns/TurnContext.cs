using System.Security.Claims;
using BillingBot.Protocol.Schema;

namespace BillingBot.Protocol.Turns;

/// <summary>The turn context the adapter builds for each incoming or continued activity.</summary>
public sealed class TurnContext(BotAdapter adapter, Activity activity, ClaimsIdentity identity, string correlationId) : ITurnContext
{
    private readonly List<SendActivitiesHandler> _onSend = [];
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
        var activities = new List<Activity> { activity };
        var responses = await SendThroughAsync(0, activities, cancellationToken).ConfigureAwait(false);
        return responses.Length > 0 ? responses[0] : new ResourceResponse(null);
    }

    public ITurnContext OnSendActivities(SendActivitiesHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _onSend.Add(handler);
        return this;
    }

    private async Task<ResourceResponse[]> SendThroughAsync(int index, List<Activity> activities, CancellationToken cancellationToken)
    {
        if (index < _onSend.Count)
        {
            return await _onSend[index](this, activities, () => SendThroughAsync(index + 1, activities, cancellationToken)).ConfigureAwait(false);
        }

        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            responses[i] = await adapter.SendActivityAsync(this, activities[i], cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _sent);
        }

        return responses;
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
