using BillingBot.Storage.Tables;

namespace BillingBot.Storage.Suspensions;

/// <summary>
/// Keys of the Suspensions table: PartitionKey = tenant; RowKeys "open" (the tenant's open case, or none),
/// "case|{id}" (a case), "case|{id}|event|{0001}" (its audit trail, in order) and "order|{order id}" (access orders).
/// A case and its events are one contiguous range, so reading a case with its trail is one query.
/// </summary>
internal static class SuspensionKeys
{
    public const string OpenRow = "open";

    public static string Partition(string tenantId) => TableKeys.Encode(tenantId);

    public static string CaseRow(string caseId) => "case|" + TableKeys.Encode(caseId);

    public static string EventRow(string caseId, int sequence) => CaseRow(caseId) + "|event|" + sequence.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The exclusive upper bound of a case's range: everything of the case sorts between its row and this.</summary>
    public static string CaseRangeEnd(string caseId) => CaseRow(caseId) + "}";

    public static string OrderRow(string orderId) => "order|" + TableKeys.Encode(orderId);
}
