namespace BillingBot.Protocol.Authentication;

/// <summary>The secret or certificate the bot proves its identity with when calling the Bot Connector.</summary>
public sealed class BotCredentialOptions
{
    public const string BotFrameworkScope = "https://api.botframework.com/.default";

    public string? MicrosoftAppPassword { get; set; }

    /// <summary>A PFX file, as an alternative to the password.</summary>
    public string? MicrosoftAppCertificatePath { get; set; }

    public string? MicrosoftAppCertificatePassword { get; set; }

    /// <summary>The Entra authority host; the cloud's own for sovereign clouds.</summary>
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com";
}
