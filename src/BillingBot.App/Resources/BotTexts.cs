using System.Globalization;
using System.Resources;

namespace BillingBot.App.Resources;

/// <summary>The bot's texts in English and Polish, from BotTexts.resx and BotTexts.pl.resx.</summary>
public static class BotTexts
{
    private static readonly ResourceManager Manager = new("BillingBot.App.Resources.BotTexts", typeof(BotTexts).Assembly);

    public static string Welcome(CultureInfo culture, string? userName, string partnerName) =>
        Format(culture, "Welcome", string.IsNullOrWhiteSpace(userName) ? string.Empty : ", " + userName, partnerName);

    public static string WelcomeChannel(CultureInfo culture, string partnerName) => Format(culture, "WelcomeChannel", partnerName);

    public static string Help(CultureInfo culture) => Get(culture, "HelpTitle") + "\n\n" + Get(culture, "HelpItems");

    public static string NotUnderstood(CultureInfo culture) => Get(culture, "NotUnderstood");

    public static string TurnFailed(CultureInfo culture, string reference) => Format(culture, "TurnFailed", reference);

    public static string StorageUnavailable(CultureInfo culture, string reference) => Format(culture, "StorageUnavailable", reference);

    private static string Get(CultureInfo culture, string name) =>
        Manager.GetString(name, culture) ?? throw new MissingManifestResourceException($"The text '{name}' is missing.");

    private static string Format(CultureInfo culture, string name, params object[] args) =>
        string.Format(culture, Get(culture, name), args);
}
