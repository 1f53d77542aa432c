using System.Text.RegularExpressions;

namespace BillingBot.Recognizers;

/// <summary>Currency symbols, codes and names as people type them in Polish and English, on folded text.</summary>
internal static class CurrencyWords
{
    private static readonly Dictionary<string, string> Codes = Build(
        ("PLN", "pln zl zlotych zlote zloty zlotego zlotowek zlotowki zlotowka zlotys"),
        ("EUR", "eur euro euros eurasow"),
        ("USD", "usd dolar dolara dolary dolarow dollar dollars bucks"),
        ("GBP", "gbp funt funta funty funtow pound pounds"),
        ("CHF", "chf frank franka franki frankow franc francs"));

    private static readonly Regex Finder = new(
        @"us\$|[€$£]|(?<![\p{L}])(?:" + string.Join('|', Codes.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape)) + @")(?![\p{L}])",
        RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    /// <summary>The currency mentions in folded text with their ISO codes; Symbol is true for $, € and £.</summary>
    public static IEnumerable<(int Index, int Length, string Code, bool Symbol)> Find(string folded)
    {
        foreach (Match match in Finder.Matches(folded))
        {
            var token = match.Value;
            var (code, symbol) = token switch
            {
                "€" => ("EUR", true),
                "$" or "us$" => ("USD", true),
                "£" => ("GBP", true),
                _ => (Codes[token], false),
            };
            yield return (match.Index, match.Length, code, symbol);
        }
    }

    private static Dictionary<string, string> Build(params (string Code, string Forms)[] entries) =>
        entries.SelectMany(e => e.Forms.Split(' ').Select(form => (form, e.Code)))
            .ToDictionary(p => p.form, p => p.Code, StringComparer.Ordinal);
}
