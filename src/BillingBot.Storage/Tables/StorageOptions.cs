namespace BillingBot.Storage.Tables;

/// <summary>Where the tables live: a connection string (Azurite, keys) or an endpoint reached with managed identity.</summary>
public sealed class StorageOptions
{
    /// <summary>From ConnectionStrings:Storage; "UseDevelopmentStorage=true" in Development.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The Table endpoint URI; used with DefaultAzureCredential when no connection string is set.</summary>
    public Uri? TableEndpoint { get; set; }

    /// <summary>Prefix for table names, so that several environments (or tests) can share an account.</summary>
    public string TablePrefix { get; set; } = "";
}
