namespace BillingBot.App.Escalations;

/// <summary>
/// The partner's paid Microsoft support plans ("Escalations:MicrosoftSupport"): TechnicalPlans lists
/// PremierSupportForPartners and/or AdvancedSupportForPartners, most preferred first; empty when the partner has none,
/// and technical matters then go to Partner cloud support. Commercial matters always go to CSP commercial support.
/// </summary>
public sealed class MicrosoftSupportOptions
{
    public List<string> TechnicalPlans { get; set; } = [];
}
