using BillingBot.Billing.Payments;

namespace BillingBot.App.Commands.Seed;

/// <summary>
/// One demo invoice, placed by its due date relative to today. Its number is "FV/{issue year}/{issue month}/{Sequence}"
/// unless <see cref="Number"/> fixes it, so it stays the same from day to day within a month.
/// </summary>
internal sealed record DemoSlot(int DueInDays, DemoOutcome Outcome, IReadOnlyList<DemoItem> Items, string? Number = null, PaymentMethod? Method = null);
