using BillingBot.Billing.Understanding;

namespace BillingBot.Understanding;

/// <summary>Finds invoice numbers, months, amounts and dates in a message.</summary>
internal static class EntityExtractor
{
    public static UtteranceEntities Extract(string text, string language, DateOnly today)
    {
        _ = language;
        _ = today;
        var invoices = InvoiceNumberRecognizer.Recognize(text);
        return new UtteranceEntities([.. invoices.Select(i => i.Number)], [], [], []);
    }
}
