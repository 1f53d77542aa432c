using BillingBot.App.Conversations;
using BillingBot.Billing.Touchpoints;
using BillingBot.Billing.Understanding;

namespace BillingBot.App.Touchpoints;

/// <summary>
/// Keeps the customers' touchpoints for the sales summary, on the side: a touchpoint that cannot be stored is logged and
/// dropped, so recording never fails the conversation or the reminder it describes.
/// </summary>
public sealed partial class TouchpointRecorder(ITouchpoints touchpoints, TimeProvider time, ILogger<TouchpointRecorder> logger)
{
    /// <summary>A customer's understood question (topic: the intent); greetings, thanks, "cancel" and what was not understood are not questions.</summary>
    public Task QuestionAsync(Caller caller, UtteranceUnderstanding understanding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(understanding);
        return caller.Customer is { } customer && understanding.IsConfident && IsQuestion(understanding.Intent)
            ? RecordAsync(customer.TenantId, TouchpointKind.Question, understanding.Intent.ToString(), cancellationToken)
            : Task.CompletedTask;
    }

    /// <summary>Records a touchpoint now; a failure is logged, never thrown (unless the caller cancelled).</summary>
    public async Task RecordAsync(string tenantId, TouchpointKind kind, string topic, CancellationToken cancellationToken)
    {
        try
        {
            await touchpoints.RecordAsync(new Touchpoint(tenantId, kind, topic, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.NotRecorded(logger, kind.ToString(), topic, ex);
        }
    }

    public static bool IsQuestion(Intent intent) => intent is not (Intent.None or Intent.Greeting or Intent.Thanks or Intent.Cancel);

    private static partial class Log
    {
        [LoggerMessage(7501, LogLevel.Warning, "A {Kind} touchpoint ({Topic}) could not be recorded; the summary will miss it")]
        public static partial void NotRecorded(ILogger logger, string kind, string topic, Exception exception);
    }
}
