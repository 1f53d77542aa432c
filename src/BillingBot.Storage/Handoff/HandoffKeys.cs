using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BillingBot.Billing.Handoff;
using BillingBot.Storage.Tables;

namespace BillingBot.Storage.Handoff;

/// <summary>
/// Keys of the hand-off tables. Handoffs: PartitionKey = hand-off id, RowKeys "request" and "event|{0001}" (its audit
/// trail), so a request with its trail is one partition query. HandoffsByChannel: PartitionKey = agents' channel,
/// RowKey = hand-off id, one row per open hand-off. HandoffsByConversation: PartitionKey = customer conversation,
/// RowKey "open": the route of its open hand-off. HandoffTranscripts: PartitionKey = hand-off id, RowKey =
/// "{UTC ticks}|{hash of the message}", so messages sort by time and a message stored twice is one row.
/// </summary>
internal static class HandoffKeys
{
    public const string RequestRow = "request";
    public const string OpenRow = "open";

    public static string Partition(string id) => TableKeys.Encode(id);

    public static string EventRow(int sequence) => "event|" + sequence.ToString("D4", CultureInfo.InvariantCulture);

    public static string TranscriptRow(TranscriptEntry entry)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{entry.Who}\n{entry.Name}\n{entry.Text}"));
        return entry.At.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "|" + Convert.ToHexStringLower(hash)[..16];
    }
}
