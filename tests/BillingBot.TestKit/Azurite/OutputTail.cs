using System.Text;

namespace BillingBot.TestKit.Azurite;

/// <summary>
/// Keeps the last lines a child process wrote, so a failure message can show why it failed
/// without buffering everything a long-running process prints.
/// </summary>
internal sealed class OutputTail(int capacity = 200)
{
    private readonly Lock _gate = new();
    private readonly Queue<string> _lines = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _waiters = [];

    public void Add(string stream, string? line)
    {
        // The Process API signals end-of-stream with a null line.
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_lines.Count == capacity)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue($"[{stream}] {line}");
            foreach (var waiter in _waiters.Where(w => line.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Seen.TrySetResult();
            }
        }
    }

    /// <summary>Completes when a line containing <paramref name="text"/> is added from now on.</summary>
    public Task WaitForAsync(string text)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((text, seen));
        }

        return seen.Task;
    }

    public bool Contains(string text)
    {
        lock (_gate)
        {
            return _lines.Any(line => line.Contains(text, StringComparison.Ordinal));
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            if (_lines.Count == 0)
            {
                return "(no output)";
            }

            var builder = new StringBuilder();
            foreach (var line in _lines)
            {
                builder.AppendLine(line);
            }

            return builder.ToString();
        }
    }
}
