using System.Globalization;
using BillingBot.Billing.Customers;

namespace BillingBot.App.Conversations;

/// <summary>
/// Who is asking, resolved once per turn: their tenant (which picks the customer), their Entra object id (which decides
/// whether they see amounts), the language to answer in, and their own today.
/// </summary>
public sealed record Caller(
    string? TenantId,
    string? UserObjectId,
    Customer? Customer,
    bool CanSeeAmounts,
    CultureInfo Culture,
    DateTimeOffset Now,
    DateOnly Today)
{
    public BillingFormat Format { get; } = new(Resources.BillingTexts.For(Culture));
}
