using System.Globalization;
using BillingBot.App.Resources;

namespace BillingBot.App.Tests.Faults;

/// <summary>How the bot's apologies for a failed turn begin, from its resources, in a language: they end with a reference that changes every time.</summary>
public static class Apologies
{
    private const string Marker = "\u0001";

    /// <summary>"Sorry, I can't reach the billing records right now…" without its reference.</summary>
    public static string StorageUnavailable(string locale) => Before(BotTexts.StorageUnavailable(CultureInfo.GetCultureInfo(locale), Marker));

    /// <summary>"Sorry, something went wrong on my side…" without its reference.</summary>
    public static string TurnFailed(string locale) => Before(BotTexts.TurnFailed(CultureInfo.GetCultureInfo(locale), Marker));

    private static string Before(string text) => text[..text.IndexOf(Marker, StringComparison.Ordinal)];
}
