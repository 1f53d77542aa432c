using System.Globalization;
using BillingBot.App.Resources;
using BillingBot.Billing;

namespace BillingBot.App.Conversations;

/// <summary>
/// Amounts and dates the way a reader of the language expects them: "1 250,00 zł" and "12 grudnia 2026" in Polish,
/// "PLN 1,250.00" and "12 December 2026" in English.
/// </summary>
public sealed class BillingFormat(BillingTexts texts)
{
    private const char NoBreakSpace = '\u00A0';

    public BillingTexts Texts => texts;

    public CultureInfo Culture => texts.Culture;

    public bool IsPolish => Culture.TwoLetterISOLanguageName == "pl";

    public string Money(Money money)
    {
        var amount = money.Amount.ToString("N2", Culture);
        if (!IsPolish)
        {
            return money.Currency + NoBreakSpace + amount;
        }

        // Polish puts the currency after the amount, and writes złoty as "zł".
        return amount + NoBreakSpace + (money.Currency == "PLN" ? "zł" : money.Currency);
    }

    public string Date(DateOnly date) => date.ToString(texts["DateFormat"], Culture);

    public string ShortDate(DateOnly date) => date.ToString(texts["DateFormatShort"], Culture);

    public string Month(DateOnly date) => date.ToString(texts["MonthFormat"], Culture);

    /// <summary>A number of days in words: "1 day", "30 days", "1 dzień", "30 dni".</summary>
    public string Days(int days) => days == 1 ? texts["OneDay"] : texts.Format("Days", days);

    /// <summary>A list joined the way the language joins it: "7 days and 1 day", "7 dni i 1 dzień".</summary>
    public string JoinAnd(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + texts["And"] + items[^1],
    };
}
