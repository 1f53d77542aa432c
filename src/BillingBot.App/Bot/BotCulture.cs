using System.Globalization;
using BillingBot.Protocol.Schema;

namespace BillingBot.App.Bot;

/// <summary>The language the bot answers in: Polish for a pl locale, English otherwise.</summary>
public static class BotCulture
{
    public static CultureInfo Polish { get; } = CultureInfo.GetCultureInfo("pl-PL");

    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en-US");

    public static CultureInfo FromLocale(string? locale) =>
        locale is not null && locale.StartsWith("pl", StringComparison.OrdinalIgnoreCase) ? Polish : English;

    /// <summary>The activity's locale, else the client's (clientInfo entity), else English.</summary>
    public static CultureInfo For(Activity activity) =>
        FromLocale(activity.Locale ?? activity.Entities?.FirstOrDefault(e => e.Type == Entity.ClientInfoType)?.Locale);
}
