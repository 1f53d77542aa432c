using System.ComponentModel;
using System.Diagnostics;
using BillingBot.TestKit.Azurite;

namespace BillingBot.EndToEnd.Tests.Stack;

/// <summary>
/// A long-running child process of the suite (the bot, the Agents Playground). Everything it prints goes to a log file
/// next to the screenshots; its standard input is a pipe we hold open until <see cref="DisposeAsync"/>, so a process
/// started to exit at end of input also goes when the test host dies without disposing it.
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan PollDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly OutputTail _tail = new(60);
    private readonly Lock _gate = new();
    private bool _disposed;
    private bool _logClosed;

    private ServiceProcess(string name, Process process, string logPath)
    {
        Name = name;
        _process = process;
        LogPath = logPath;
        _log = new StreamWriter(logPath, append: false) { AutoFlush = true };
    }

    public string Name { get; }

    /// <summary>Where the process's standard output and error are written, line by line, as they come.</summary>
    public string LogPath { get; }

    public static ServiceProcess Start(string name, ProcessStartInfo startInfo, string logPath)
    {
        startInfo.UseShellExecute = false;
        startInfo.RedirectStandardInput = true;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        var service = new ServiceProcess(name, new Process { StartInfo = startInfo }, logPath);
        service._process.OutputDataReceived += (_, e) => service.Write("out", e.Data);
        service._process.ErrorDataReceived += (_, e) => service.Write("err", e.Data);
        try
        {
            service._process.Start();
        }
        catch (Win32Exception ex)
        {
            service._log.Dispose();
            service._process.Dispose();
            throw new InvalidOperationException($"Could not start {name} ('{startInfo.FileName}').", ex);
        }

        service._process.BeginOutputReadLine();
        service._process.BeginErrorReadLine();
        return service;
    }

    /// <summary>
    /// Polls <paramref name="url"/> until it answers 2xx: the readiness probe. Fails at once, with the process's last
    /// lines, when the process exits first, and after <paramref name="timeout"/> when it never answers.
    /// </summary>
    public async Task WaitUntilAnswersAsync(Uri url, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = ProbeTimeout };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync();
                throw new InvalidOperationException(
                    $"{Name} exited with code {_process.ExitCode} before it answered on {url} (log: {LogPath}).{Environment.NewLine}{_tail}");
            }

            if (await AnswersAsync(http, url))
            {
                return;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException(
                    $"{Name} did not answer on {url} within {timeout.TotalSeconds:0} s (log: {LogPath}).{Environment.NewLine}{_tail}");
            }

            await Task.Delay(PollDelay);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It has exited already.
            }

            // End of input lets a watcher the kill did not reach (the process had exited) go too.
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(ExitTimeout);
            await _process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            _process.Dispose();
            lock (_gate)
            {
                _logClosed = true;
                _log.Dispose();
            }
        }
    }

    private static async Task<bool> AnswersAsync(HttpClient http, Uri url)
    {
        try
        {
            using var response = await http.GetAsync(url);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false; // not listening yet
        }
        catch (TaskCanceledException)
        {
            return false; // this probe timed out; the caller's deadline decides
        }
    }

    private void Write(string stream, string? line)
    {
        if (line is null)
        {
            return;
        }

        _tail.Add(stream, line);
        lock (_gate)
        {
            if (!_logClosed)
            {
                _log.WriteLine(stream == "err" ? "[err] " + line : line);
            }
        }
    }
}
