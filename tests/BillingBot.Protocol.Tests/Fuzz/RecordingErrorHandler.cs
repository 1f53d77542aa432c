using System.Collections.Concurrent;
using BillingBot.Protocol.Turns;

namespace BillingBot.Protocol.Tests.Fuzz;

/// <summary>Keeps every exception a turn threw: in a fuzz run, each one is a finding.</summary>
internal sealed class RecordingErrorHandler : ITurnErrorHandler
{
    public ConcurrentQueue<Exception> Failures { get; } = new();

    public Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken)
    {
        Failures.Enqueue(exception);
        return Task.CompletedTask;
    }
}
