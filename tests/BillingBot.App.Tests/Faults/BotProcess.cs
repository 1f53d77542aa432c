using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace BillingBot.App.Tests.Faults;

/// <summary>
/// The built app run as a real process (<c>dotnet BillingBot.App.dll</c>, as App Service runs it) on a free loopback port:
/// killed with SIGKILL at a precise point (nothing of it runs after), or stopped as a host stops it (SIGTERM, so work in
/// flight finishes). It also goes when the test host dies: a shell holds our pipe and stops it at end of input.
/// </summary>
public sealed partial class BotProcess : IAsyncDisposable
{
    // The app's stdin is /dev/null; ours is watched by a subshell that stops the app (SIGTERM) at its end.
    private const string Wrapper = """
        "$@" </dev/null & app=$!
        { cat >/dev/null; kill "$app" 2>/dev/null; } <&0 &
        wait "$app"
        """;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);

    // Settings a developer's shell may hold that would send telemetry somewhere or point the app elsewhere.
    private static readonly string[] NotInherited = ["APPLICATIONINSIGHTS_", "AzureMonitor__", "ConnectionStrings__", "Storage__", "ASPNETCORE_", "DOTNET_ENVIRONMENT", "Reminders__", "Connector__", "Collections__"];

    private readonly Process _process;
    private readonly Lock _gate = new();
    private readonly Queue<string> _tail = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _exited;

    private BotProcess(Process process) => _process = process;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The last lines the app printed, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return string.Join(Environment.NewLine, _tail);
            }
        }
    }

    /// <summary>Starts the app with these settings (environment variables) and returns once it listens.</summary>
    public static async Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var name in start.Environment.Keys.Where(n => NotInherited.Any(p => n.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        foreach (var argument in new[] { "-c", Wrapper, "billingbot", "dotnet", Path.Combine(AppContext.BaseDirectory, "BillingBot.App.dll"), "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(argument);
        }

        var app = new BotProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        app._process.OutputDataReceived += (_, e) => app.Read(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Read(e.Data);
        app._process.Exited += (_, _) => app._listening.TrySetException(new InvalidOperationException($"The app exited before it listened.{Environment.NewLine}{app.Output}"));
        try
        {
            app._process.Start();
        }
        catch (Win32Exception ex)
        {
            app._process.Dispose();
            throw new InvalidOperationException("Could not start bash to run the app.", ex);
        }

        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        try
        {
            app.BaseAddress = await app._listening.Task.WaitAsync(StartTimeout);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <summary>kill -9: the app stops at once, whatever it was doing; its open requests are cut.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await WaitForExitAsync();
    }

    /// <summary>Stops the app as a host does (SIGTERM): it stops taking requests and finishes what is in flight.</summary>
    public async Task StopAsync()
    {
        _process.StandardInput.Close();
        await WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_exited)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It has exited already.
            }

            await WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(ExitTimeout);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The app (pid {_process.Id}) did not exit within {ExitTimeout.TotalSeconds:0} s.{Environment.NewLine}{Output}");
        }

        _exited = true;
    }

    private void Read(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_tail.Count == 300)
            {
                _tail.Dequeue();
            }

            _tail.Enqueue(line);
        }

        if (Listening().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value + "/"));
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
