namespace BillingBot.Billing.Support;

/// <summary>What the partner's support covers; each topic has a localized description in the bot's texts.</summary>
public enum SupportTopic
{
    Billing,
    Licensing,
    Subscriptions,
    TechnicalIncidents,
    MicrosoftEscalations,
}
