using BillingBot.Billing.Escalations;

namespace BillingBot.App.Escalations;

/// <summary>Tickets and escalations to Microsoft, configured under "Escalations".</summary>
public sealed class TicketOptions
{
    public const string SectionName = "Escalations";

    /// <summary>The partner's Microsoft support entitlements, from which the route to Microsoft is proposed.</summary>
    public MicrosoftSupportOptions MicrosoftSupport { get; set; } = new();

    /// <summary>
    /// How often, while the support desk is open, tickets the agents have not got yet (opened outside hours, or while the
    /// agents' channel could not take them) are posted to the agents' channel.
    /// </summary>
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long an instance's claim to post a ticket's card protects it; an older claim is presumed dead.</summary>
    public TimeSpan PostingClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The entitlements as the domain knows them (after validation: every name is a paid technical plan).</summary>
    public MicrosoftSupportEntitlements ToEntitlements() =>
        new([.. MicrosoftSupport.TechnicalPlans.Select(p => Enum.Parse<MicrosoftSupportRoute>(p.Trim(), ignoreCase: true))]);
}
