namespace BillingBot.App.Tests.Faults;

/// <summary>Where in a reminder's delivery storage goes down.</summary>
public enum StoragePoint
{
    /// <summary>The reminder is claimed; nothing is sent yet.</summary>
    AfterClaim,

    /// <summary>Teams accepted the reminder; the ledger has not recorded it yet.</summary>
    AfterSend,
}
