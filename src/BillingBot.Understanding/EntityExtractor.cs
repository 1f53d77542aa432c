using System.Globalization;
using BillingBot.Billing.Understanding;
using BillingBot.Recognizers;

namespace BillingBot.Understanding;

/// <summary>Finds invoice numbers, months, amounts and dates in a message.</summary>
internal static class EntityExtractor
{
    private static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static UtteranceEntities Extract(string text, string language, Intent intent, DateOnly today)
    {
        var culture = language == Languages.Polish ? Polish : English;
        var invoices = InvoiceNumberRecognizer.Recognize(text);

        // An invoice number's digits are neither a date ("2026/10/17") nor an amount.
        var rest = Mask(text, invoices);

        // A month named for an invoice is one that has begun: "faktura za październik" in November is this October's.
        var months = DateRecognizer.Recognize(rest, culture, today, DatePreference.Past)
            .Where(d => d.Granularity == DateGranularity.Month)
            .Select(d => BillingMonth.Of(d.Date));
        var days = DateRecognizer.Recognize(rest, culture, today, DayPreference(intent))
            .Where(d => d.Granularity == DateGranularity.Day)
            .Select(d => d.Date);

        // A bare number is a count, a year or a product ("365") more often than money: only a currency or grosze
        // ("1250,00") make it an amount.
        var amounts = AmountRecognizer.Recognize(rest, culture)
            .Where(a => a.Currency is not null || HasMinorUnits(a.Text))
            .Select(a => new AmountMention(a.Value, a.Currency));

        return new UtteranceEntities([.. invoices.Select(i => i.Number)], [.. months], [.. amounts], [.. days]);
    }

    // Payments made and invoices received lie behind; deadlines, reminders and plans lie ahead.
    private static DatePreference DayPreference(Intent intent) => intent switch
    {
        Intent.InvoiceStatus or Intent.Balance or Intent.ListInvoices or Intent.InvoiceChanged
            or Intent.OpenEscalation or Intent.EscalationStatus => DatePreference.Past,
        _ => DatePreference.Future,
    };

    private static bool HasMinorUnits(string number) =>
        number.Length > 3 && number[^3] is ',' or '.' && char.IsAsciiDigit(number[^2]) && char.IsAsciiDigit(number[^1]);

    private static string Mask(string text, IReadOnlyList<RecognizedInvoiceNumber> invoices)
    {
        if (invoices.Count == 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        foreach (var invoice in invoices)
        {
            Array.Fill(chars, ' ', invoice.Index, invoice.Length);
        }

        return new string(chars);
    }
}
