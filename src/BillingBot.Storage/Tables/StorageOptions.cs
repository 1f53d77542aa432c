using Azure.Core.Pipeline;

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

    /// <summary>
    /// How long one storage request may take before it is retried (twice) and then fails (default 5 s: a turn must still
    /// answer within Teams' 15 seconds). A benchmark against an emulator holding millions of rows may need longer.
    /// </summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Extra Azure.Core pipeline policies added, once per call, to every table request (not bound from configuration):
    /// a hook for diagnostics such as a benchmark counting the entities each response carries. Empty in the app.
    /// </summary>
    public IList<HttpPipelinePolicy> PipelinePolicies { get; } = [];
}
