namespace BillingBot.Protocol.State;

/// <summary>ETag conditions for <see cref="IStorage.WriteAsync"/>.</summary>
public static class ETags
{
    /// <summary>Overwrite whatever is stored.</summary>
    public const string Any = "*";
}
