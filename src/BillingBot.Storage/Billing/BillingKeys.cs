using BillingBot.Storage.Tables;

namespace BillingBot.Storage.Billing;

/// <summary>
/// Keys of the Billing table (PartitionKey = tenant; RowKeys "customer", "invoice|{number}",
/// "payment|{number}|{payment id}") and of the InvoicesDue index (PartitionKey = due date, RowKey = "{tenant}|{number}").
/// Every part is encoded, '|' included, so a part can never be mistaken for the separator.
/// </summary>
internal static class BillingKeys
{
    public const string CustomerRow = "customer";
    public const string InvoicePrefix = "invoice|";
    public const string PaymentPrefix = "payment|";

    // Parts longer than this are shortened with a hash, so that two of them still fit a 1 KiB key.
    private const int MaxPartLength = 300;

    public static string Partition(string tenantId) => TableKeys.Encode(tenantId);

    public static string InvoiceRow(string number) => InvoicePrefix + Part(number);

    public static string PaymentsOf(string number) => PaymentPrefix + Part(number) + "|";

    public static string PaymentRow(string number, string paymentId) => PaymentsOf(number) + Part(paymentId);

    public static string DuePartition(DateOnly dueDate) => Date(dueDate);

    public static string DueRow(string tenantId, string number) => Part(tenantId) + "|" + Part(number);

    /// <summary>The exclusive upper bound of the RowKeys starting with a prefix: its last character, one higher.</summary>
    public static string PrefixEnd(string prefix) => KeyParts.PrefixEnd(prefix);

    public static string Date(DateOnly date) => KeyParts.Date(date);

    public static DateOnly ParseDate(string text) => KeyParts.ParseDate(text);

    private static string Part(string value) => KeyParts.Part(value, MaxPartLength);
}
