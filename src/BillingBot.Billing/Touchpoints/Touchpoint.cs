namespace BillingBot.Billing.Touchpoints;

/// <summary>
/// One contact of a customer with the partner through the bot: what kind, about what (a language-neutral topic such as
/// an intent, a ticket category or a reminder kind; never an amount or the customer's words), and when.
/// </summary>
public sealed record Touchpoint(string TenantId, TouchpointKind Kind, string Topic, DateTimeOffset At)
{
    public string TenantId { get; } = Guard.Required(TenantId, nameof(TenantId));

    public TouchpointKind Kind { get; } = Guard.Defined(Kind, nameof(Kind));

    public string Topic { get; } = Guard.Required(Topic, nameof(Topic));
}
