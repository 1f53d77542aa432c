namespace BillingBot.Bench.Reminders;

/// <summary>The channel's log against the plan: deliveries sent more than once, not sent, and sends matching nothing due.</summary>
internal sealed record DeliveryCheck(int Duplicates, int Missing, int Unexpected, bool ExactlyOnce);
