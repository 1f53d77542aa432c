using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BillingBot.TestKit.Azurite;
using Xunit;

namespace BillingBot.TestKit.Cards;

/// <summary>
/// Checks cards with the npm adaptivecards renderer and Teams' light host config, through one long-lived
/// node process (tools/cards/check-cards.cjs) that answers a JSON line per card. Share one instance
/// (an xUnit class or collection fixture) so a test run starts node once.
/// </summary>
/// <remarks>
/// The renderer is lenient (a TextBlock without text or an Image without url passes), so use it next to
/// <see cref="AdaptiveCardSchema"/>, not instead of it. It catches what the schema cannot: versions it does
/// not support, more actions than the host config allows, duplicate ids, required inputs without a label.
/// </remarks>
public sealed class AdaptiveCardsRenderer : IAsyncLifetime, IAsyncDisposable
{
    /// <summary>The Teams light host config copied next to the test binaries.</summary>
    public static readonly string DefaultHostConfigPath =
        Path.Combine(AppContext.BaseDirectory, "Cards", "Schemas", "teams-host-config-light.json");

    // Parsing takes about a millisecond a card; the bound only stops a wedged node from hanging the run.
    private static readonly TimeSpan BatchTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(10);
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly JsonSerializerOptions AnswerJson = new(JsonSerializerDefaults.Web);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _hostConfigPath;
    private readonly string _targetVersion;
    private Process? _process;
    private OutputTail _errors = new();
    private long _nextId;
    private bool _disposed;

    /// <summary>A renderer with Teams' light host config that accepts cards up to version 1.5.</summary>
    public AdaptiveCardsRenderer()
        : this(DefaultHostConfigPath)
    {
    }

    /// <param name="hostConfigPath">An Adaptive Cards host config JSON file.</param>
    /// <param name="targetVersion">The newest card version the host renders; newer cards are a problem.</param>
    public AdaptiveCardsRenderer(string hostConfigPath, string targetVersion = "1.5")
    {
        _hostConfigPath = Path.GetFullPath(hostConfigPath);
        _targetVersion = targetVersion;
    }

    /// <summary>Starts node now, so the first check does not pay for it (and an install runs in the fixture).</summary>
    public async Task InitializeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await EnsureStartedAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>The renderer's problems with one card; empty when it parses and validates cleanly.</summary>
    public async Task<IReadOnlyList<RendererProblem>> CheckAsync(string cardJson, CancellationToken cancellationToken = default) =>
        (await CheckAllAsync([cardJson], cancellationToken).ConfigureAwait(false))[0];

    /// <summary>The renderer's problems with each card, in order, from one round trip to node.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<RendererProblem>>> CheckAllAsync(
        IReadOnlyList<string> cardsJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cardsJson);
        var results = new IReadOnlyList<RendererProblem>?[cardsJson.Count];
        var requests = new List<(int Index, long Id, string Line)>();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            for (var i = 0; i < cardsJson.Count; i++)
            {
                // One card a line: the JSON is re-written compactly, which also catches text that is not JSON.
                JsonNode? card;
                try
                {
                    card = JsonNode.Parse(cardsJson[i]);
                }
                catch (JsonException ex)
                {
                    results[i] = [new RendererProblem("Parse", "InvalidJson", ex.Message, null)];
                    continue;
                }

                var id = ++_nextId;
                requests.Add((i, id, new JsonObject { ["id"] = id, ["card"] = card }.ToJsonString()));
            }

            if (requests.Count > 0)
            {
                var answers = await ExchangeAsync(requests.Select(r => r.Line).ToList(), cancellationToken).ConfigureAwait(false);
                for (var k = 0; k < requests.Count; k++)
                {
                    var answer = JsonSerializer.Deserialize<Answer>(answers[k], AnswerJson)
                        ?? throw new InvalidOperationException($"check-cards.cjs answered null for card {requests[k].Index}.");
                    if (answer.Id != requests[k].Id)
                    {
                        throw new InvalidOperationException(
                            $"check-cards.cjs answered card id {answer.Id} where {requests[k].Id} was expected.");
                    }

                    results[requests[k].Index] = answer.Problems;
                }
            }
        }
        finally
        {
            _gate.Release();
        }

        return results.Select(r => r ?? []).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_process is { } process)
            {
                _process = null;
                await StopAsync(process, gracefully: true).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<List<string>> ExchangeAsync(List<string> lines, CancellationToken cancellationToken)
    {
        var process = await EnsureStartedAsync(cancellationToken).ConfigureAwait(false);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(BatchTimeout);
        try
        {
            // Read while writing: node writes its answers synchronously to the pipe, so a large batch
            // would stall both sides if the answers were only read after the last card was written.
            var reading = ReadAnswersAsync(process, lines.Count, timeout.Token);
            foreach (var line in lines)
            {
                await process.StandardInput.WriteLineAsync(line.AsMemory(), timeout.Token).ConfigureAwait(false);
            }

            await process.StandardInput.FlushAsync(timeout.Token).ConfigureAwait(false);
            return await reading.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or EndOfStreamException)
        {
            // The process is out of step with us (or gone); the next check starts a fresh one.
            _process = null;
            await StopAsync(process, gracefully: false).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (ex is OperationCanceledException)
            {
                throw new TimeoutException(
                    $"check-cards.cjs did not answer {lines.Count} card(s) within {BatchTimeout.TotalSeconds:0}s.{Environment.NewLine}{_errors}", ex);
            }

            throw new InvalidOperationException($"check-cards.cjs stopped answering.{Environment.NewLine}{_errors}", ex);
        }
    }

    private static async Task<List<string>> ReadAnswersAsync(Process process, int count, CancellationToken cancellationToken)
    {
        var answers = new List<string>(count);
        while (answers.Count < count)
        {
            var line = await process.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new EndOfStreamException($"check-cards.cjs exited after {answers.Count} of {count} answers.");
            answers.Add(line);
        }

        return answers;
    }

    private async Task<Process> EnsureStartedAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_process is { HasExited: false } running)
        {
            return running;
        }

        // It died between checks (its stderr tail is lost with it); start over.
        _process?.Dispose();
        _process = null;

        var tools = await NodeTools.EnsureInstalledAsync(cancellationToken).ConfigureAwait(false);
        var startInfo = new ProcessStartInfo("node")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = Utf8,
            StandardOutputEncoding = Utf8,
            WorkingDirectory = tools.ToolsDirectory,
            ArgumentList = { tools.CardCheckScript, "--host-config", _hostConfigPath, "--target-version", _targetVersion },
        };

        _errors = new OutputTail();
        var errors = _errors;
        var process = new Process { StartInfo = startInfo };
        process.ErrorDataReceived += (_, e) => errors.Add("err", e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw new InvalidOperationException("Could not start 'node'; Node.js 20+ must be on PATH to check cards.", ex);
        }

        process.BeginErrorReadLine();
        _process = process;
        return process;
    }

    private static async Task StopAsync(Process process, bool gracefully)
    {
        try
        {
            using var timeout = new CancellationTokenSource(ExitTimeout);
            if (gracefully)
            {
                try
                {
                    // End of input is the script's signal to finish.
                    process.StandardInput.Close();
                    await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
                    return;
                }
                catch (Exception ex) when (ex is OperationCanceledException or IOException)
                {
                    // Fall through to kill it.
                }
            }

            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }

            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(ExitTimeout).ConfigureAwait(false);
        }
        finally
        {
            process.Dispose();
        }
    }

    private sealed record Answer(long Id, IReadOnlyList<RendererProblem> Problems);
}
