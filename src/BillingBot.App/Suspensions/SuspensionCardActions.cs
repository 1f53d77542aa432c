using System.Globalization;
using BillingBot.App.Conversations.Actions;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Staff;
using BillingBot.Billing.Suspensions;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.Turns;

namespace BillingBot.App.Suspensions;

/// <summary>
/// Answers the approval card's Universal Actions ("suspension.*"). Only invokes from the partner's own tenant count,
/// and only staff with the BillingAdmin role may approve or postpone; anyone else gets a polite refusal and nothing
/// changes. Every answer is the card as the case stands then, so a second approval shows the decision already made
/// and a refresh (trigger automatic) shows the current state, with the buttons only for billing admins.
/// </summary>
public sealed partial class SuspensionCardActions(
    ISuspensionCases cases,
    ICustomerRepository customers,
    IStaffDirectory staff,
    SuspensionWorkflow workflow,
    SuspensionCards cards,
    AgentsChannel channel,
    ILogger<SuspensionCardActions> logger) : ICardActionHandler
{
    public string VerbPrefix => SuspensionVerbs.Prefix;

    public async Task<CardActionResult> HandleAsync(ITurnContext turnContext, CardActionInvoke action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(action);
        var texts = cards.AgentsFormat.Texts;
        var activity = turnContext.Activity;
        var target = await channel.TargetAsync(cancellationToken).ConfigureAwait(false);
        if (target is null || !string.Equals(activity.GetTenantId(), target.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            Log.OutsidePartner(logger, action.Verb);
            return CardActionResult.Message(texts["Refusal_NotAgentsChannel"]);
        }

        var tenantId = action.DataString(SuspensionCardData.TenantField);
        var caseId = action.DataString(SuspensionCardData.CaseField);
        var suspension = tenantId is null || caseId is null ? null : await cases.FindAsync(tenantId, caseId, cancellationToken).ConfigureAwait(false);
        var customer = suspension is null ? null : await customers.FindAsync(suspension.TenantId, cancellationToken).ConfigureAwait(false);
        if (suspension is null || customer is null)
        {
            return CardActionResult.Message(texts["Refusal_UnknownCase"]);
        }

        var member = activity.From?.AadObjectId is { Length: > 0 } objectId ? await staff.FindAsync(objectId, cancellationToken).ConfigureAwait(false) : null;
        var isBillingAdmin = member?.HasRole(StaffRole.BillingAdmin) == true;
        if (action.IsRefresh || action.Verb == SuspensionVerbs.Refresh)
        {
            return await CardAsync(suspension, customer, isBillingAdmin, cancellationToken).ConfigureAwait(false);
        }

        if (!isBillingAdmin)
        {
            Log.NotBillingAdmin(logger, action.Verb, suspension.CaseId);
            return CardActionResult.Message(texts["Refusal_NotBillingAdmin"]);
        }

        SuspensionCase? after;
        switch (action.Verb)
        {
            case SuspensionVerbs.Approve:
                after = await workflow.ApproveAsync(suspension, customer, member!, cancellationToken).ConfigureAwait(false);
                break;
            case SuspensionVerbs.Postpone:
                var (first, last) = workflow.PostponeWindow(customer);
                if (!DateOnly.TryParseExact(action.DataString(SuspensionVerbs.UntilInput), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until)
                    || until < first || until > last)
                {
                    var format = cards.AgentsFormat.Billing;
                    return CardActionResult.Message(texts.Format("Refusal_BadDate", format.Date(first), format.Date(last)));
                }

                after = await workflow.PostponeAsync(suspension, customer, member!, until, cancellationToken).ConfigureAwait(false);
                break;
            default:
                return CardActionResult.Message(texts["Refusal_UnknownCase"]);
        }

        return await CardAsync(after ?? suspension, customer, isBillingAdmin, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CardActionResult> CardAsync(SuspensionCase suspension, Customer customer, bool withActions, CancellationToken cancellationToken) =>
        CardActionResult.Card(await cards.ApprovalAsync(suspension, customer, withActions, cancellationToken).ConfigureAwait(false));

    private static partial class Log
    {
        [LoggerMessage(7040, LogLevel.Warning, "Card action {Verb} refused: it did not come from the partner's tenant")]
        public static partial void OutsidePartner(ILogger logger, string verb);

        [LoggerMessage(7041, LogLevel.Warning, "Card action {Verb} on suspension case {CaseId} refused: the user is not a billing admin")]
        public static partial void NotBillingAdmin(ILogger logger, string verb, string caseId);
    }
}
