namespace BillingBot.App.Tests.Faults;

/// <summary>
/// A command's error stream that runs an action, and makes the command wait for it, at the first line that matches:
/// a fault injected at a precise point of a command's progress, with no hook in the command.
/// </summary>
public sealed class SignallingWriter(Func<string, bool> match, Func<Task> action) : StringWriter
{
    private int _fired;

    public override async Task WriteLineAsync(string? value)
    {
        await base.WriteLineAsync(value);
        if (value is not null && match(value) && Interlocked.Exchange(ref _fired, 1) == 0)
        {
            await action();
        }
    }
}
