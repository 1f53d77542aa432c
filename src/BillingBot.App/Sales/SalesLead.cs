using BillingBot.Billing.Customers;
using BillingBot.Billing.Staff;
using BillingBot.Billing.Touchpoints;

namespace BillingBot.App.Sales;

/// <summary>
/// What the sales team needs to call a customer back: who asked and what they wrote, in which language, the customer's
/// plan and standing (counts only, no amounts), its recent touchpoints and the sales agents to tell.
/// </summary>
/// <param name="Customer">The customer of the tenant the message came from.</param>
/// <param name="AskedByName">The asker's name: as the customer lists the contact, else as Teams sent it.</param>
/// <param name="AskedByObjectId">The asker's Entra object id.</param>
/// <param name="Written">The customer's message as written; null when the request came from a button.</param>
/// <param name="Language">The language the customer wrote in, "pl" or "en".</param>
/// <param name="OpenInvoices">Invoices not paid yet.</param>
/// <param name="OverdueInvoices">Of those, the ones past their due date.</param>
/// <param name="Recent">The customer's touchpoints over the last <paramref name="RecentDays"/> days, oldest first; null when they could not be read.</param>
/// <param name="RecentDays">How far back <paramref name="Recent"/> goes.</param>
/// <param name="SalesAgents">The staff with the SalesAgent role, mentioned on the card.</param>
public sealed record SalesLead(
    Customer Customer,
    string? AskedByName,
    string? AskedByObjectId,
    string? Written,
    string Language,
    int OpenInvoices,
    int OverdueInvoices,
    IReadOnlyList<Touchpoint>? Recent,
    int RecentDays,
    IReadOnlyList<StaffMember> SalesAgents)
{
    /// <summary>The asker's role at the customer, or null when they are not one of its listed contacts.</summary>
    public BillingContactRole? AskedByRole => AskedByObjectId is { } id ? Customer.FindContact(id)?.Role : null;
}
