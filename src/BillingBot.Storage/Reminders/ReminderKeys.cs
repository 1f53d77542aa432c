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
    public static string PrefixEnd(string prefix) => KeyParts.PrefixEnd(prefix);

    public static string Date(DateOnly date) => KeyParts.Date(date);

    public static DateOnly ParseDate(string text) => KeyParts.ParseDate(text);

    private static string Part(string value) => KeyParts.Part(value, MaxPartLength);
}
