namespace BillingBot.App.Reminders;

/// <summary>Tells the partner's billing team, in their Teams channel (or the log when none is configured).</summary>
public interface IBillingTeamNotifier
{
    Task NotifyAsync(BillingTeamNotice notice, CancellationToken cancellationToken);
}
