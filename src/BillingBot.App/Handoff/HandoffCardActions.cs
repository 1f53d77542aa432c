using System.Globalization;
using BillingBot.App.Bot;
using BillingBot.App.Conversations.Actions;
using BillingBot.App.Suspensions;
using BillingBot.Billing.Handoff;
using BillingBot.Billing.Staff;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.Turns;

namespace BillingBot.App.Handoff;

/// <summary>
/// Answers the hand-off cards' Universal Actions ("handoff.*"). In the agents' channel: take (support agents only,
/// one wins, the others are told who took it), end (the agent who took it) and refresh; from the partner's own tenant
/// only. In the customer's chat: the 1–5 rating, by the person who talked to the agent.
/// </summary>
public sealed partial class HandoffCardActions(
    HandoffDesk desk,
    AgentsChannel channel,
    IStaffDirectory staff,
    ILogger<HandoffCardActions> logger) : ICardActionHandler
{
    public string VerbPrefix => HandoffVerbs.Prefix;

    public async Task<CardActionResult> HandleAsync(ITurnContext turnContext, CardActionInvoke action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(action);
        var activity = turnContext.Activity;
        var handoffId = action.DataString(HandoffVerbs.HandoffField);
        if (action.Verb == HandoffVerbs.Rate)
        {
            return await RateAsync(activity, handoffId, action.DataString(HandoffVerbs.StarsField), cancellationToken).ConfigureAwait(false);
        }

        var t = desk.AgentsFormat.Texts;
        var target = await channel.TargetAsync(cancellationToken).ConfigureAwait(false);
        if (target is null || !string.Equals(activity.GetTenantId(), target.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            Log.OutsidePartner(logger, action.Verb);
            return CardActionResult.Message(t["Refusal_NotPartner"]);
        }

        var request = handoffId is null ? null : await desk.FindAsync(handoffId, cancellationToken).ConfigureAwait(false);
        if (request is null)
        {
            return CardActionResult.Message(t["Refusal_Unknown"]);
        }

        var member = activity.From?.AadObjectId is { Length: > 0 } objectId ? await staff.FindAsync(objectId, cancellationToken).ConfigureAwait(false) : null;
        switch (action.Verb)
        {
            case HandoffVerbs.Accept when !action.IsRefresh && (request.AwaitsAgent || request.AcceptedBy is not null):
                if (member is null || !member.HasRole(StaffRole.SupportAgent))
                {
                    Log.NotSupportAgent(logger, request.HandoffId);
                    return CardActionResult.Message(t["Refusal_NotSupportAgent"]);
                }

                var thread = activity.Conversation?.Id is { } id && id.Contains(";messageid=", StringComparison.Ordinal) ? id : null;
                var result = await desk.AcceptAsync(request.HandoffId, member, thread, cancellationToken).ConfigureAwait(false);
                switch (result.Outcome)
                {
                    case AcceptOutcome.AlreadyTakenBy taken when !string.Equals(taken.AgentObjectId, member.ObjectId, StringComparison.OrdinalIgnoreCase):
                        return CardActionResult.Message(t.Format("Refusal_AlreadyTaken", taken.AgentName));
                    case AcceptOutcome.NotASupportAgent:
                        return CardActionResult.Message(t["Refusal_NotSupportAgent"]);
                    case null:
                        return CardActionResult.Message(t["Refusal_Unknown"]);
                }

                request = result.Request ?? request;
                break;
            case HandoffVerbs.End when !action.IsRefresh:
                if (request.State is not (HandoffState.Accepted or HandoffState.Relaying))
                {
                    break;
                }

                if (!string.Equals(request.AcceptedBy?.ObjectId, member?.ObjectId, StringComparison.OrdinalIgnoreCase))
                {
                    return CardActionResult.Message(t.Format("Refusal_NotYours", request.AcceptedBy?.Name ?? string.Empty));
                }

                request = await desk.EndByAgentAsync(request.HandoffId, cancellationToken).ConfigureAwait(false) ?? request;
                break;
        }

        return CardActionResult.Card(await desk.RequestCardAsync(request, null, cancellationToken).ConfigureAwait(false));
    }

    private async Task<CardActionResult> RateAsync(Activity activity, string? handoffId, string? starsText, CancellationToken cancellationToken)
    {
        var before = handoffId is null ? null : await desk.FindAsync(handoffId, cancellationToken).ConfigureAwait(false);
        // The customer's language is the conversation's, not the Teams client's.
        var culture = before?.Language switch
        {
            "pl" => BotCulture.Polish,
            "en" => BotCulture.English,
            _ => BotCulture.For(activity),
        };
        var format = new HandoffFormat(culture, TimeZoneInfo.Utc);
        var t = format.Texts;
        if (before is null || !int.TryParse(starsText, NumberStyles.None, CultureInfo.InvariantCulture, out var stars) || stars is < 1 or > 5
            || activity.GetTenantId() is not { } tenantId)
        {
            return CardActionResult.Message(t["Rate_NotYours"]);
        }

        if (before.State == HandoffState.Rated && string.Equals(before.UserObjectId, activity.From?.AadObjectId, StringComparison.OrdinalIgnoreCase))
        {
            return CardActionResult.Message(t.Format("Rate_Already", before.Rating));
        }

        var rated = await desk.RateAsync(before.HandoffId, tenantId, activity.From?.AadObjectId, stars, cancellationToken).ConfigureAwait(false);
        if (rated?.Rating is not { } rating)
        {
            return CardActionResult.Message(t["Rate_NotYours"]);
        }

        return CardActionResult.Card(HandoffRatingCard.Thanks(rating, format));
    }

    private static partial class Log
    {
        [LoggerMessage(7220, LogLevel.Warning, "Hand-off card action {Verb} refused: it did not come from the partner's tenant")]
        public static partial void OutsidePartner(ILogger logger, string verb);

        [LoggerMessage(7221, LogLevel.Warning, "Hand-off {HandoffId}: an accept by someone who is not a support agent was refused")]
        public static partial void NotSupportAgent(ILogger logger, string handoffId);
    }
}
