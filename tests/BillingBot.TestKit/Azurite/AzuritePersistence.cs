namespace BillingBot.TestKit.Azurite;

/// <summary>Where an <see cref="AzuriteFixture"/> keeps its tables, and so what a restart leaves of them.</summary>
public enum AzuritePersistence
{
    /// <summary>In memory (<c>--inMemoryPersistence</c>): fast, and a stop loses everything.</summary>
    Memory,

    /// <summary>
    /// On disk in a temporary folder of the fixture's own (<c>--location</c>): a stop flushes the tables and a start
    /// loads them again, as storage that was unreachable for a while comes back with its data.
    /// </summary>
    Disk,
}
