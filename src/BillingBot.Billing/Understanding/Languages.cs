namespace BillingBot.Billing.Understanding;

/// <summary>The languages the bot understands, as two-letter ISO 639-1 codes.</summary>
public static class Languages
{
    public const string Polish = "pl";

    public const string English = "en";

    public static IReadOnlyList<string> All { get; } = [Polish, English];

    /// <summary>"pl" for pl, pl-PL, PL..., "en" for en, en-US, ...; null for anything else.</summary>
    public static string? FromLocale(string? locale) =>
        locale is null ? null
        : Matches(locale, Polish) ? Polish
        : Matches(locale, English) ? English
        : null;

    private static bool Matches(string locale, string language) =>
        locale.StartsWith(language, StringComparison.OrdinalIgnoreCase)
        && (locale.Length == language.Length || locale[language.Length] is '-' or '_');
}
