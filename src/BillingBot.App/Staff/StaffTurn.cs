using System.Globalization;
using BillingBot.App.Suspensions;
using BillingBot.Billing.Staff;
using BillingBot.Protocol.Turns;

namespace BillingBot.App.Staff;

/// <summary>
/// A message from the partner's side: the turn, the text without the bot's @mention, who wrote it (null when the
/// writer is not on the staff list), where, and in which language to answer.
/// </summary>
/// <param name="Context">The turn.</param>
/// <param name="Text">The message text without the bot's @mention, trimmed.</param>
/// <param name="Member">The writer as the staff directory knows them; null for someone who is not on the staff.</param>
/// <param name="Place">Where it was written.</param>
/// <param name="Target">The agents' channel in use.</param>
/// <param name="Culture">The language to answer in: the message's, else the agents' channel's.</param>
public sealed record StaffTurn(ITurnContext Context, string Text, StaffMember? Member, StaffPlace Place, AgentsChannelTarget Target, CultureInfo Culture)
{
    /// <summary>The Entra object id of the writer.</summary>
    public string? ObjectId => Context.Activity.From?.AadObjectId;

    /// <summary>The channel thread the message was written in ("{channel};messageid={root}"), or null outside a thread.</summary>
    public string? ThreadConversationId =>
        Context.Activity.Conversation?.Id is { } id && id.Contains(";messageid=", StringComparison.Ordinal) ? id : null;
}
