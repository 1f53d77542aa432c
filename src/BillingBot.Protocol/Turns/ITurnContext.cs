using System.Security.Claims;
using BillingBot.Protocol.Schema;

namespace BillingBot.Protocol.Turns;

/// <summary>One turn of a conversation: the incoming activity and the means to answer it.</summary>
public interface ITurnContext
{
    /// <summary>The activity being handled; for proactive turns, a continuation event addressed from the stored reference.</summary>
    Activity Activity { get; }

    /// <summary>The authenticated caller, or an anonymous identity in local dev mode and for proactive turns.</summary>
    ClaimsIdentity Identity { get; }

    /// <summary>The correlation id of this turn, logged with every line and shown to a user when a turn fails.</summary>
    string CorrelationId { get; }

    /// <summary>Per-turn caches (loaded state); not a service locator.</summary>
    IDictionary<string, object> TurnState { get; }

    /// <summary>Whether the bot has sent anything in this turn.</summary>
    bool Responded { get; }

    /// <summary>The answer to an invoke, returned in the HTTP response.</summary>
    InvokeResponse? InvokeResponse { get; set; }

    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary>Adds a handler that sees every activity this turn sends from now on, in the order handlers were added.</summary>
    ITurnContext OnSendActivities(SendActivitiesHandler handler);

    Task<ResourceResponse> SendActivityAsync(string text, CancellationToken cancellationToken);

    Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken);

    Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken);
}
