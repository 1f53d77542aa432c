using BillingBot.Understanding;

namespace BillingBot.Understanding.Tests;

/// <summary>The recognizer, trained once for the whole test run and shared by every class in <see cref="TrainedRecognizerCollection"/>.</summary>
public sealed class TrainedRecognizer : IAsyncLifetime
{
    public static DateOnly Today { get; } = new(2026, 11, 25);

    public IntentRecognizer Recognizer { get; } = new(new UnderstandingOptions(), TimeProvider.System);

    public TrainingSummary Training { get; private set; } = null!;

    public async Task InitializeAsync() => Training = await Recognizer.WarmUpAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;
}
