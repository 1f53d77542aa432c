namespace BillingBot.Protocol.Authentication;

/// <summary>Service hosts trusted without having been seen in an authenticated activity (proactive sends after a restart).</summary>
public sealed class ConnectorTrustOptions
{
    /// <summary>Exact host names, or "*.domain" for any sub-domain. HTTPS only.</summary>
    public IList<string> TrustedHosts { get; set; } = new List<string>
    {
        "smba.trafficmanager.net",
        "smba.infra.gcc.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us",
        "smba.infra.dod.teams.microsoft.us",
    };
}
