namespace BillingBot.Billing.Escalations;

/// <summary>The ways a CSP partner takes a matter to Microsoft.</summary>
public enum MicrosoftSupportRoute
{
    /// <summary>CSP commercial support (billing, licensing, subscriptions), which every CSP partner has.</summary>
    CommercialCspSupport,

    /// <summary>Premier Support for Partners (paid).</summary>
    PremierSupportForPartners,

    /// <summary>Advanced Support for Partners (paid).</summary>
    AdvancedSupportForPartners,

    /// <summary>Partner cloud support, for technical matters when the partner has no paid plan.</summary>
    PartnerCloudSupport,
}
