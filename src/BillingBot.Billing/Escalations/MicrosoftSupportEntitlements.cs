namespace BillingBot.Billing.Escalations;

/// <summary>
/// The paid Microsoft support plans the partner has (configuration), and the route rule built on them: commercial
/// matters go to CSP commercial support, technical ones to the first paid plan the partner has, else to Partner cloud support.
/// </summary>
public sealed record MicrosoftSupportEntitlements
{
    /// <param name="technicalPlans">The partner's paid plans for technical matters, most preferred first.</param>
    public MicrosoftSupportEntitlements(IReadOnlyList<MicrosoftSupportRoute> technicalPlans)
    {
        ArgumentNullException.ThrowIfNull(technicalPlans);
        var invalid = technicalPlans.Where(p => p is not (MicrosoftSupportRoute.PremierSupportForPartners or MicrosoftSupportRoute.AdvancedSupportForPartners)).ToList();
        TechnicalPlans = invalid.Count == 0
            ? [.. technicalPlans.Distinct()]
            : throw new ArgumentException($"{invalid[0]} is not a paid technical support plan.", nameof(technicalPlans));
    }

    /// <summary>The partner's paid technical support plans, most preferred first; empty when it has none.</summary>
    public IReadOnlyList<MicrosoftSupportRoute> TechnicalPlans { get; }

    /// <summary>Commercial matters are billing, licensing and subscriptions; everything technical is not.</summary>
    public static bool IsCommercial(TicketCategory category) => category != TicketCategory.TechnicalProblem;

    /// <summary>The route the bot proposes to the agent for a ticket of this category.</summary>
    public MicrosoftSupportRoute ProposeRoute(TicketCategory category) =>
        IsCommercial(category)
            ? MicrosoftSupportRoute.CommercialCspSupport
            : TechnicalPlans.Count > 0 ? TechnicalPlans[0] : MicrosoftSupportRoute.PartnerCloudSupport;

    public bool Equals(MicrosoftSupportEntitlements? other) => other is not null && TechnicalPlans.SequenceEqual(other.TechnicalPlans);

    public override int GetHashCode() => TechnicalPlans.Count;
}
