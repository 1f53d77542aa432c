namespace BillingBot.Protocol.Authentication;

/// <summary>How the bot's Entra app registration is set up.</summary>
public enum MicrosoftAppType
{
    MultiTenant,
    SingleTenant,
    UserAssignedMSI,
}
