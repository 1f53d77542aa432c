namespace BillingBot.App.Reminders;

/// <summary>Tells the billing team through the log, until a notifier that posts in their Teams channel is registered.</summary>
public sealed partial class LoggingBillingTeamNotifier(ILogger<LoggingBillingTeamNotifier> logger) : IBillingTeamNotifier
{
    public Task NotifyAsync(BillingTeamNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        Log.Notice(logger, notice.TenantId, notice.Subject, notice.Details);
        return Task.CompletedTask;
    }

    private static partial class Log
    {
        [LoggerMessage(6242, LogLevel.Warning, "For the billing team, about tenant {TenantId}: {Subject}. {Details}")]
        public static partial void Notice(ILogger logger, string tenantId, string subject, string details);
    }
}
