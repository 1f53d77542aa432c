using System.Diagnostics;

namespace BillingBot.Bench;

/// <summary>
/// A process the benchmark starts (a bot, the floor, Azurite): it is ready when it prints a line starting with the
/// expected word, and it goes when disposed (its standard input is closed, then it is killed if it lingers), or when
/// the benchmark itself dies (each of ours exits on end of input).
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Queue<string> _tail = new();
    private readonly string _name;

    private ChildProcess(string name, Process process, string readyPrefix)
    {
        _name = name;
        _process = process;
        process.OutputDataReceived += (_, e) => OnLine(e.Data, readyPrefix);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data, null);
        process.Exited += (_, _) => _ready.TrySetException(new InvalidOperationException($"{name} exited with {SafeExitCode()} before it was ready:{Environment.NewLine}{Tail()}"));
    }

    public ProcessMeter Meter => new(_process.Id);

    /// <summary>What followed the ready word on its line (for example the URL it listens on).</summary>
    public string ReadyLine { get; private set; } = string.Empty;

    public static async Task<ChildProcess> StartAsync(string name, string fileName, IEnumerable<string> arguments, IDictionary<string, string?> environment, string readyPrefix, TimeSpan timeout, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(name, process, readyPrefix);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            child.ReadyLine = await child._ready.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await child.DisposeAsync().ConfigureAwait(false);
            throw new TimeoutException($"{name} was not ready within {timeout.TotalSeconds:0} s:{Environment.NewLine}{child.Tail()}");
        }
        catch
        {
            await child.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return child;
    }

    public string Tail()
    {
        lock (_tail)
        {
            return string.Join(Environment.NewLine, _tail);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
        }
        catch (InvalidOperationException)
        {
        }

        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }
        }

        _process.Dispose();
    }

    private void OnLine(string? line, string? readyPrefix)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            _tail.Enqueue($"[{_name}] {line}");
            if (_tail.Count > 40)
            {
                _tail.Dequeue();
            }
        }

        if (readyPrefix is not null && line.StartsWith(readyPrefix, StringComparison.Ordinal))
        {
            _ready.TrySetResult(line[readyPrefix.Length..].Trim());
        }
    }

    private string SafeExitCode()
    {
        try
        {
            return _process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "?";
        }
    }
}
