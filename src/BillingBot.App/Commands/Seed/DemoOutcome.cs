namespace BillingBot.App.Commands.Seed;

/// <summary>What happened to a demo invoice by today.</summary>
internal enum DemoOutcome
{
    Unpaid,
    PaidOnTime,
    PaidLate,
    PaidInTwoParts,
    PartlyPaid,
    Disputed,
    Cancelled,
}
