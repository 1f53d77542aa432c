namespace BillingBot.Billing.Support;

/// <summary>One published way to reach support: an address, a number or a link.</summary>
public sealed record ContactMethod(ContactKind Kind, string Value);
