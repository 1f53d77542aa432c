using BillingBot.App.Conversations.Actions;
using BillingBot.App.Reminders.Cards;
using BillingBot.App.Resources;
using BillingBot.App.Suspensions;
using BillingBot.Billing.Collections;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using BillingBot.Billing.Staff;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.Turns;

namespace BillingBot.App.Reminders;

/// <summary>
/// A billing admin decides a customer's "I've paid" in the agents' channel ("payment.confirm" / "payment.reject"):
/// confirmed keeps reminders paused until the payment is recorded, rejected resumes them. Only billing admins, and
/// only from the partner's own tenant, may decide.
/// </summary>
public sealed partial class PaymentClaimActions(
    IStaffDirectory staff,
    ICustomerRepository customers,
    IInvoiceRepository invoices,
    IReminderControls controls,
    CollectionPolicyBook policies,
    AgentsChannel channel,
    TimeProvider time,
    ILogger<PaymentClaimActions> logger) : ICardActionHandler
{
    public string VerbPrefix => "payment.";

    public async Task<CardActionResult> HandleAsync(ITurnContext turnContext, CardActionInvoke action, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var culture = channel.Options.Culture;
        var t = ReminderCardTexts.For(culture);
        var member = activity.From?.AadObjectId is { Length: > 0 } id ? await staff.FindAsync(id, cancellationToken).ConfigureAwait(false) : null;
        var target = await channel.TargetAsync(cancellationToken).ConfigureAwait(false);
        if (member is null || !member.HasRole(StaffRole.BillingAdmin)
            || target is null || !string.Equals(activity.GetTenantId(), target.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            return CardActionResult.Message(t["Claim_NotAllowed"]);
        }

        if (PaymentClaimCardData.From(action) is not { } data
            || await customers.FindAsync(data.Tenant, cancellationToken).ConfigureAwait(false) is not { } customer
            || await invoices.FindAsync(data.Tenant, data.Invoice, cancellationToken).ConfigureAwait(false) is not { } invoice
            || (await controls.ForCustomerAsync(data.Tenant, cancellationToken).ConfigureAwait(false)).PaymentClaims
                .FirstOrDefault(c => c.InvoiceNumber == data.Invoice && c.ByObjectId == data.By) is not { } claim)
        {
            return CardActionResult.Message(t["Error_Unknown"]);
        }

        var today = customer.LocalDate(time.GetUtcNow());
        if (claim.Status == PaymentClaimStatus.Pending && action.Verb is PaymentClaimCard.Confirm or PaymentClaimCard.Reject)
        {
            claim = claim with { Status = action.Verb == PaymentClaimCard.Confirm ? PaymentClaimStatus.Confirmed : PaymentClaimStatus.Rejected };
            await controls.SavePaymentClaimAsync(claim, cancellationToken).ConfigureAwait(false);
            Log.Decided(logger, claim.Status.ToString(), member.ObjectId);
        }

        return CardActionResult.Card(PaymentClaimCard.Build(claim, customer, invoice, policies.For(customer.TenantId), culture, member.Name, today));
    }

    private static partial class Log
    {
        [LoggerMessage(5211, LogLevel.Information, "A payment claim was {Status} by staff member {ObjectId}")]
        public static partial void Decided(ILogger logger, string status, string objectId);
    }
}
