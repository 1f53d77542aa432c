using BillingBot.Billing.Staff;
using BillingBot.Storage.Tables;

namespace BillingBot.Storage.Staff;

/// <summary>
/// Keys of the Staff table. Partition "staff": a row "member|{object id, lower case}" per person added in chat, and a
/// row "version" that every change rewrites conditionally, so two changes made at once cannot both pass a rule that
/// spans people (one of them reads again). Partition "settings": the row "agents-channel", the channel picked in Teams.
/// </summary>
internal static class StaffKeys
{
    public const string StaffPartition = "staff";
    public const string VersionRow = "version";
    public const string SettingsPartition = "settings";
    public const string AgentsChannelRow = "agents-channel";

    private const string MemberPrefix = "member|";

    public static string MemberRow(string objectId) => MemberPrefix + TableKeys.Encode(StaffRules.Key(objectId));

    public static string MembersFrom => MemberPrefix;

    public static string MembersTo => KeyParts.PrefixEnd(MemberPrefix);
}
