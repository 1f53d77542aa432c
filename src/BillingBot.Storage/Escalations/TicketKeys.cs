using System.Globalization;
using BillingBot.Billing.Escalations;
using BillingBot.Storage.Tables;

namespace BillingBot.Storage.Escalations;

/// <summary>
/// Keys of the ticket tables. Tickets: PartitionKey = tenant, RowKeys "ticket|{number}|" (a ticket) and
/// "ticket|{number}|event|{0001}" (its audit trail), so a ticket with its trail is one range and a customer's tickets
/// one partition. TicketsByStatus: PartitionKey = status, RowKey = "{tenant}|{number}", the agents' work lists.
/// </summary>
internal static class TicketKeys
{
    public const string AllTicketsFrom = "ticket|";
    public const string AllTicketsTo = "ticket}";

    public static string Partition(string tenantId) => TableKeys.Encode(tenantId);

    // The trailing separator keeps ticket T-1's range from taking in ticket T-10's.
    public static string TicketRow(string number) => AllTicketsFrom + KeyParts.Part(number, 200) + "|";

    public static string TicketRangeEnd(string number) => KeyParts.PrefixEnd(TicketRow(number));

    public static string EventRow(string number, int sequence) => TicketRow(number) + "event|" + sequence.ToString("D4", CultureInfo.InvariantCulture);

    public static string StatusPartition(TicketStatus status) => status.ToString();

    public static string StatusRow(string tenantId, string number) => KeyParts.Part(tenantId, 200) + "|" + KeyParts.Part(number, 200);
}
