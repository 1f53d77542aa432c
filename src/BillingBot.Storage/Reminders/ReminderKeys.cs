using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BillingBot.Storage.Tables;

namespace BillingBot.Storage.Reminders;

/// <summary>
/// Keys of the reminder tables. ReminderLedger: PartitionKey = tenant, RowKey = "{invoice or -}|{stage}|{recipient or -}".
/// ReminderControls: PartitionKey = tenant, RowKey = "{kind}|{invoice}|{person}" or "preference|{person}".
/// ReminderWatch: PartitionKey = "watch", RowKey = tenant. Every part is encoded, '|' included, so a part can never be
/// mistaken for the separator.
/// </summary>
internal static class ReminderKeys
{
    /// <summary>The stand-in for "no invoice" (a period notice) and "no recipient" (the suspension stage), as in PlannedReminder.Key.</summary>
    public const string None = "-";

    public const string WatchPartition = "watch";

    // Three parts must fit a 1 KiB key with room to spare.
    private const int MaxPartLength = 240;

    public static string Partition(string tenantId) => TableKeys.Encode(tenantId);

    public static string LedgerRow(string? invoiceNumber, string stageKey, string? recipientObjectId) =>
        LedgerInvoicePrefix(invoiceNumber) + Part(stageKey) + "|" + Part(recipientObjectId ?? None);

    /// <summary>The RowKey prefix of every ledger row about one invoice.</summary>
    public static string LedgerInvoicePrefix(string? invoiceNumber) => Part(invoiceNumber ?? None) + "|";

    public static string ControlRow(string kind, string invoiceNumber, string objectId) => kind + "|" + Part(invoiceNumber) + "|" + Part(objectId);

    public static string PreferenceRow(string objectId) => "preference|" + Part(objectId);

    public static string WatchRow(string tenantId) => Part(tenantId);

    /// <summary>The exclusive upper bound of the RowKeys starting with a prefix: its last character, one higher.</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Part(string value)
    {
        var encoded = TableKeys.Encode(value).Replace("|", "%7C", StringComparison.Ordinal);
        if (encoded.Length <= MaxPartLength)
        {
            return encoded;
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
        return encoded[..(MaxPartLength - hash.Length - 1)] + "~" + hash;
    }
}
