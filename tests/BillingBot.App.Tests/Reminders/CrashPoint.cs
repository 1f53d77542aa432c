namespace BillingBot.App.Tests.Reminders;

/// <summary>Where an instance is killed in the middle of a sweep.</summary>
public enum CrashPoint
{
    /// <summary>(a) After it claimed a reminder, before sending it: costs a claim timeout, never a duplicate.</summary>
    AfterClaim,

    /// <summary>(b) After Teams accepted the reminder, before the ledger recorded it: the documented window.</summary>
    AfterSend,
}
