using System.Globalization;
using BillingBot.App.Bot;
using BillingBot.App.Resources;
using BillingBot.App.Suspensions;
using BillingBot.Billing.Staff;
using BillingBot.Protocol.Cards;
using BillingBot.Protocol.Connector;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.State;
using BillingBot.Protocol.Turns;
using BillingBot.Recognizers;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Staff;

/// <summary>
/// Makes a channel of the partner's team the agents' channel, from Teams: "use this channel" / "użyj tego kanału"
/// written in it, or the button the bot adds to its welcome when installed in a channel. The pick is stored with who
/// made it and when, wins over configuration (<see cref="StoredAgentsChannelChoice"/>), and the previous agents'
/// channel is told where things go now.
/// <para>
/// Who may pick: a user-management admin, because the agents' channel decides who sees customers' conversations and
/// invoices, which is the same decision as who is on the staff. Where: in the partner's tenant, which is
/// Agents:TenantId when configured. Without it, the tenant of the current pick counts as the partner's; and a
/// configured user-management admin (the bootstrap, whose object id is the partner's own) may pick in any tenant, so
/// the very first pick, or a move, never rests on a role granted in chat.
/// </para>
/// </summary>
public sealed partial class AgentsChannelPicker(
    IAgentsChannelPicks picks,
    IAgentsChannelChoice choice,
    IStaffDirectory staff,
    ConfiguredStaffDirectory configured,
    IConversationReferenceStore references,
    BotAdapter adapter,
    AdaptiveCardSerializer cards,
    TimeProvider time,
    IOptions<AgentsChannelOptions> agents,
    IOptions<BotOptions> bot,
    ILogger<AgentsChannelPicker> logger)
{
    /// <summary>The verb of the welcome card's button.</summary>
    public const string UseVerb = VerbPrefix + "use";

    /// <summary>The prefix of the picker's card actions.</summary>
    public const string VerbPrefix = "agentschannel.";

    private const string ChannelConversation = "channel";

    /// <summary>The language of "use this channel" (English) or "użyj tego kanału" (Polish), or null for anything else.</summary>
    public static CultureInfo? PhraseCulture(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TextFolding.Fold(text).Trim().TrimEnd('.', '!') switch
        {
            "use this channel" => BotCulture.English,
            "uzyj tego kanalu" => BotCulture.Polish,
            _ => null,
        };
    }

    /// <summary>
    /// Answers "use this channel" written in any team channel, before the staff desk (which only hears the current
    /// agents' channel); false for any other message, and for channels of a tenant that is not the configured partner's.
    /// </summary>
    public async Task<bool> TryHandleMessageAsync(ITurnContext context, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var activity = context.Activity;
        if (activity.Conversation?.ConversationType != ChannelConversation || PhraseCulture(text) is not { } culture
            || (ConfiguredPartnerTenant is { } partner && !SameTenant(activity.GetTenantId(), partner)))
        {
            return false;
        }

        var outcome = await PickAsync(activity, cancellationToken).ConfigureAwait(false);
        await context.SendActivityAsync(Answer(outcome, culture), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>What to tell the person who tried to pick, in their language.</summary>
    public string Answer(ChannelPickOutcome outcome, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var texts = StaffAdminTexts.For(culture);
        return outcome.Result switch
        {
            ChannelPickResult.Picked => texts.Format("Pick_Done", outcome.ByName),
            ChannelPickResult.Already => texts["Pick_Already"],
            ChannelPickResult.NotAllowed => texts.Format("Pick_NotAllowed", bot.Value.PartnerName),
            _ => texts["Pick_NotAChannel"],
        };
    }

    /// <summary>Makes the channel the activity was written in the agents' channel, when its writer may.</summary>
    public async Task<ChannelPickOutcome> PickAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var by = activity.From?.AadObjectId is { Length: > 0 } objectId ? objectId : null;
        var member = by is null ? null : await staff.FindAsync(by, cancellationToken).ConfigureAwait(false);
        var byName = member?.Name ?? activity.From?.Name ?? by ?? string.Empty;
        if (activity.Conversation?.ConversationType != ChannelConversation || ChannelOf(activity) is not { } channelId
            || activity.GetTenantId() is not { Length: > 0 } tenant)
        {
            return new ChannelPickOutcome(ChannelPickResult.NotAChannel, byName);
        }

        if (by is null || member?.HasRole(StaffRole.UserManagementAdmin) != true || !await IsPartnerTenantAsync(tenant, by, cancellationToken).ConfigureAwait(false))
        {
            Log.NotAllowed(logger, by ?? "unknown", tenant);
            return new ChannelPickOutcome(ChannelPickResult.NotAllowed, byName);
        }

        var previous = await choice.CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (previous is not null && SameTenant(previous.TenantId, tenant) && previous.ChannelId == channelId)
        {
            return new ChannelPickOutcome(ChannelPickResult.Already, byName);
        }

        await KeepReferenceAsync(activity, tenant, channelId, cancellationToken).ConfigureAwait(false);
        await picks.SaveAsync(new AgentsChannelPick(tenant, channelId, by, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        Log.Picked(logger, by, tenant, channelId);
        if (previous is not null)
        {
            await TellPreviousAsync(previous, byName, cancellationToken).ConfigureAwait(false);
        }

        return new ChannelPickOutcome(ChannelPickResult.Picked, byName);
    }

    /// <summary>
    /// After the welcome in a channel the bot was just installed in: the card with "Use this channel for hand-offs and
    /// approvals", when the channel is in the partner's tenant (or the installer could pick anyway) and is not already
    /// the agents' channel.
    /// </summary>
    public async Task OfferAsync(ITurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var activity = context.Activity;
        if (activity.Conversation?.ConversationType != ChannelConversation || activity.GetTenantId() is not { Length: > 0 } tenant
            || (activity.ChannelData?.Settings?.SelectedChannel?.Id ?? ChannelOf(activity)) is not { } channelId
            || !await IsPartnerTenantAsync(tenant, activity.From?.AadObjectId, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (await choice.CurrentAsync(cancellationToken).ConfigureAwait(false) is { } current && SameTenant(current.TenantId, tenant) && current.ChannelId == channelId)
        {
            return;
        }

        var culture = BotCulture.For(activity);
        await context.SendActivityAsync(cards.CreateMessage(UseChannelCard.Offer(culture), StaffAdminTexts.For(culture)["Pick_CardTitle"]), cancellationToken).ConfigureAwait(false);
        Log.Offered(logger, tenant);
    }

    /// <summary>The Teams channel an activity was written in: channelData.channel, else the conversation without a thread.</summary>
    public static string? ChannelOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.ChannelData?.Channel?.Id is { Length: > 0 } id
            ? id
            : activity.Conversation?.Id is { Length: > 0 } conversation ? AgentsChannel.ChannelOf(conversation) : null;
    }

    private string? ConfiguredPartnerTenant => string.IsNullOrWhiteSpace(agents.Value.TenantId) ? null : agents.Value.TenantId.Trim();

    private static bool SameTenant(string? a, string? b) => a is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the tenant is the partner's: the configured one; without it, the current pick's, or any for a configured user-management admin.</summary>
    private async Task<bool> IsPartnerTenantAsync(string tenant, string? objectId, CancellationToken cancellationToken)
    {
        if (ConfiguredPartnerTenant is { } partner)
        {
            return SameTenant(tenant, partner);
        }

        if (await picks.CurrentAsync(cancellationToken).ConfigureAwait(false) is { } pick && SameTenant(pick.TenantId, tenant))
        {
            return true;
        }

        return objectId is { Length: > 0 } && configured.Rules.Configured(objectId)?.HasRole(StaffRole.UserManagementAdmin) == true;
    }

    /// <summary>
    /// The agents' channel is written to from the reference kept as "conversation:{channel id}". Installing the bot
    /// keeps one for the channel it was installed in; a channel picked by writing in it gets one from that message.
    /// </summary>
    private async Task KeepReferenceAsync(Activity activity, string tenant, string channelId, CancellationToken cancellationToken)
    {
        var owner = "conversation:" + channelId;
        var stored = await references.GetAsync(tenant, owner, cancellationToken).ConfigureAwait(false);
        if (stored is { IsActive: true } && stored.Reference.ServiceUrl == activity.ServiceUrl)
        {
            return;
        }

        var reference = activity.GetConversationReference();
        reference.ActivityId = null;
        reference.Conversation = InChannel(tenant, channelId);
        await references.SaveAsync(new StoredConversationReference(tenant, owner, reference, true, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Tells the previous agents' channel, in the agents' language, that hand-offs and approvals go elsewhere now.</summary>
    private async Task TellPreviousAsync(AgentsChannelTarget previous, string byName, CancellationToken cancellationToken)
    {
        var stored = await references.GetAsync(previous.TenantId, "conversation:" + previous.ChannelId, cancellationToken).ConfigureAwait(false);
        if (stored is not { IsActive: true })
        {
            return;
        }

        var reference = new ConversationReference
        {
            ChannelId = stored.Reference.ChannelId,
            ServiceUrl = stored.Reference.ServiceUrl,
            Bot = stored.Reference.Bot,
            User = stored.Reference.User,
            Locale = stored.Reference.Locale,
            Conversation = InChannel(previous.TenantId, previous.ChannelId),
        };
        var notice = ActivityExtensions.CreateMessage(StaffAdminTexts.For(agents.Value.Culture).Format("Pick_Moved", byName));
        try
        {
            await adapter.ContinueConversationAsync(reference, (turn, ct) => turn.SendActivityAsync(notice, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException ex)
        {
            Log.PreviousNotTold(logger, (int?)ex.StatusCode ?? 0, ex.ErrorCode ?? "none");
        }
    }

    private static ConversationAccount InChannel(string tenant, string channelId) =>
        new() { Id = channelId, ConversationType = ChannelConversation, IsGroup = true, TenantId = tenant };

    private static partial class Log
    {
        [LoggerMessage(7165, LogLevel.Information, "The agents' channel was picked in Teams by {ObjectId}: tenant {TenantId}, channel {ChannelId}")]
        public static partial void Picked(ILogger logger, string objectId, string tenantId, string channelId);

        [LoggerMessage(7166, LogLevel.Warning, "{ObjectId} tried to pick the agents' channel in tenant {TenantId} and may not; nothing changed")]
        public static partial void NotAllowed(ILogger logger, string objectId, string tenantId);

        [LoggerMessage(7167, LogLevel.Information, "Offered to make the channel just installed in (tenant {TenantId}) the agents' channel")]
        public static partial void Offered(ILogger logger, string tenantId);

        [LoggerMessage(7168, LogLevel.Warning, "The previous agents' channel could not be told about the new one ({Status}, {ErrorCode})")]
        public static partial void PreviousNotTold(ILogger logger, int status, string errorCode);
    }
}
