using BillingBot.App.Tests.Hosting;
using Microsoft.Extensions.Logging;

namespace BillingBot.App.Tests.Fuzz;

/// <summary>
/// What a host logged at Error or above after a mark: a turn that failed (the turn error handler's log), an error
/// handler that failed too, an exception ASP.NET Core caught. In a fuzz run each one is a finding.
/// </summary>
internal static class HostFailures
{
    /// <summary>A mark to compare against later: the number of log lines so far.</summary>
    public static int Mark(BotHost host) => host.Logs.Lines.Count;

    /// <summary>
    /// The errors logged since <paramref name="mark"/>, described, or null when there were none (or only errors that
    /// <paramref name="tolerated"/> accepts).
    /// </summary>
    public static string? Since(BotHost host, int mark, Func<TestLogSink.LogLine, bool>? tolerated = null)
    {
        var errors = host.Logs.Lines.Skip(mark).Where(l => l.Level >= LogLevel.Error && tolerated?.Invoke(l) != true).ToList();
        return errors.Count == 0
            ? null
            : "logged " + string.Join("\n", errors.Select(l => $"{l.Level} {l.Category} ({l.EventId.Id}): {l.Message}\n{l.Exception}"));
    }
}
