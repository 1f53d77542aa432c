using System.Globalization;
using BillingBot.App.Bot;
using BillingBot.App.Resources;
using BillingBot.App.Suspensions;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Staff;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.Turns;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Staff;

/// <summary>
/// The partner's side of the bot. A message belongs to the staff when it is written in the agents' channel or the sales
/// channel (a thread of either included), or in a personal chat in the partner's own tenant when that tenant is not
/// also a customer. The desk hands it to the first <see cref="IStaffCommand"/> that takes it; otherwise it lists what
/// the writer's roles let them do. Someone not on the staff list is told so, and nothing else happens.
/// </summary>
public sealed partial class StaffDesk(
    AgentsChannel channel,
    IStaffDirectory staff,
    ICustomerRepository customers,
    IEnumerable<IStaffCommand> commands,
    IOptions<BotOptions> botOptions,
    ILogger<StaffDesk> logger)
{
    /// <summary>The staff turn of a message, or null when the message is a customer's (or nobody's on the partner's side).</summary>
    public async Task<StaffTurn?> RecognizeAsync(ITurnContext context, string text, string? language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var activity = context.Activity;
        if (await channel.TargetAsync(cancellationToken).ConfigureAwait(false) is not { } target
            || !string.Equals(activity.GetTenantId(), target.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        StaffPlace? place;
        switch (activity.Conversation?.ConversationType)
        {
            case "channel":
                var channelId = activity.ChannelData?.Channel?.Id is { Length: > 0 } id ? id : AgentsChannel.ChannelOf(activity.Conversation.Id ?? string.Empty);
                var salesChannel = await channel.SalesChannelIdAsync(cancellationToken).ConfigureAwait(false);
                place = channelId == target.ChannelId ? StaffPlace.AgentsChannel : channelId == salesChannel ? StaffPlace.SalesChannel : null;
                break;
            case null or "personal":
                // The playground (and a partner that buys from itself) has one tenant for both sides: its personal chats stay customers'.
                place = await customers.FindAsync(target.TenantId, cancellationToken).ConfigureAwait(false) is null ? StaffPlace.PersonalChat : null;
                break;
            default:
                place = null;
                break;
        }

        if (place is not { } where)
        {
            return null;
        }

        var member = activity.From?.AadObjectId is { Length: > 0 } objectId ? await staff.FindAsync(objectId, cancellationToken).ConfigureAwait(false) : null;
        var culture = language is null ? channel.Options.Culture : BotCulture.FromLocale(language);
        return new StaffTurn(context, text, member, where, target, culture);
    }

    public async Task HandleAsync(StaffTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var texts = StaffTexts.For(turn.Culture);
        if (turn.Member is not { } member)
        {
            Log.NotStaff(logger, turn.Place.ToString());
            await turn.Context.SendActivityAsync(texts.Format("Desk_NotStaff", botOptions.Value.PartnerName), cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (var command in commands)
        {
            if (await command.TryHandleAsync(turn, cancellationToken).ConfigureAwait(false))
            {
                Log.Handled(logger, command.GetType().Name, turn.Place.ToString());
                return;
            }
        }

        // Nothing took it: in a busy channel, only a message addressed to the bot deserves the list of commands.
        if (turn.Place != StaffPlace.PersonalChat && turn.ThreadConversationId is not null && !MentionsBot(turn.Context.Activity))
        {
            return;
        }

        var usage = commands.Select(c => c.Usage(member, turn.Culture)).OfType<string>().Select(line => "- " + line).ToList();
        var answer = usage.Count == 0 ? texts["Desk_NothingForYou"] : texts.Format("Desk_Help", string.Join("\n", usage));
        var message = ActivityExtensions.CreateMessage(answer);
        message.TextFormat = "markdown";
        await turn.Context.SendActivityAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private static bool MentionsBot(Activity activity) => activity.GetMentions().Any(m => m.Mentioned?.Id is { } id && id == activity.Recipient?.Id);

    private static partial class Log
    {
        [LoggerMessage(7101, LogLevel.Warning, "A message on the partner's side ({Place}) came from someone not on the staff list; refused")]
        public static partial void NotStaff(ILogger logger, string place);

        [LoggerMessage(7102, LogLevel.Information, "Staff message handled by {Command} ({Place})")]
        public static partial void Handled(ILogger logger, string command, string place);
    }
}
