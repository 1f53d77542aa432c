using BillingBot.App.Reminders;
using BillingBot.App.Suspensions.Cards;
using BillingBot.Billing.Customers;
using BillingBot.Protocol.Cards;

namespace BillingBot.App.Suspensions;

/// <summary>
/// Tells the partner's billing team in the agents' channel, as a card. A notice the channel cannot take now (not
/// configured, bot not installed, Teams refused) is logged and kept, and posted once the channel takes notices again.
/// </summary>
public sealed partial class AgentsChannelNotifier(
    AgentsChannel channel,
    KeptNotices kept,
    ICustomerRepository customers,
    SuspensionCards cards,
    AdaptiveCardSerializer serializer,
    ILogger<AgentsChannelNotifier> logger) : IBillingTeamNotifier
{
    public async Task NotifyAsync(BillingTeamNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (await PostAsync(notice, cancellationToken).ConfigureAwait(false))
        {
            // The channel takes notices again: anything kept earlier follows.
            await DeliverKeptAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await kept.KeepAsync(notice, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Posts the kept notices, oldest first, until the channel refuses one; returns how many went out.</summary>
    public async Task<int> DeliverKeptAsync(CancellationToken cancellationToken)
    {
        var waiting = await kept.ListAsync(cancellationToken).ConfigureAwait(false);
        var delivered = new List<string>();
        foreach (var notice in waiting)
        {
            if (!await PostAsync(notice.Notice, cancellationToken).ConfigureAwait(false))
            {
                break;
            }

            delivered.Add(notice.Id);
        }

        await kept.RemoveAsync(delivered, cancellationToken).ConfigureAwait(false);
        if (delivered.Count > 0)
        {
            Log.Delivered(logger, delivered.Count);
        }

        return delivered.Count;
    }

    private async Task<bool> PostAsync(BillingTeamNotice notice, CancellationToken cancellationToken)
    {
        var customer = await customers.FindAsync(notice.TenantId, cancellationToken).ConfigureAwait(false);
        var card = BillingTeamNoticeCard.Build(notice, customer?.Name, cards.AgentsFormat);
        return await channel.PostAsync(serializer.CreateMessage(card, notice.Subject), "a notice for the billing team", cancellationToken).ConfigureAwait(false) is not null;
    }

    private static partial class Log
    {
        [LoggerMessage(7022, LogLevel.Information, "{Count} kept notice(s) posted to the agents' channel")]
        public static partial void Delivered(ILogger logger, int count);
    }
}
