namespace BillingBot.App.Tests.Tickets;

/// <summary>A partner with a paid Microsoft plan: Advanced Support for Partners ("Escalations:MicrosoftSupport:TechnicalPlans").</summary>
public sealed class AdvancedSupportTicketWorld()
    : TicketWorld(new Dictionary<string, string?> { ["Escalations:MicrosoftSupport:TechnicalPlans:0"] = "AdvancedSupportForPartners" });
