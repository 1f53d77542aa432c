using System.Globalization;
using System.Text;
using System.Text.Json;
using BillingBot.TestKit.Auth;

namespace BillingBot.Bench;

/// <summary>
/// <c>soak [minutes] [concurrency] [out-dir]</c>: steady mixed load on our bot (auth on, state in Table Storage, as in
/// production) for a bounded time, sampling its memory, handles and threads every 10 s; then says whether they stayed
/// flat and whether any turn failed. Writes soak.json and soak.md.
/// </summary>
public static class SoakCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(RepoPaths paths, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var minutes = args.Count > 0 ? double.Parse(args[0], Inv) : 10;
        var concurrency = args.Count > 1 ? int.Parse(args[1], Inv) : 8;
        var outDir = args.Count > 2 ? args[2] : Path.Combine(paths.Root, "bench", "results");
        Directory.CreateDirectory(outDir);

        await using var azurite = await AzuriteProcess.StartAsync(paths.Root).ConfigureAwait(false);
        await using var channel = await FakeChannel.StartAsync(cancellationToken).ConfigureAwait(false);
        await using var openId = new TestOpenIdServer();
        await openId.StartAsync(cancellationToken).ConfigureAwait(false);
        var key = TestSigningKey.ForTeams("soak-key");
        openId.AddKey(key);
        // As the Bot Connector does, one token for many activities; a fresh one every window keeps it well inside its hour.
        var tokens = new TestTokenBuilder(key, Servers.AppId, channel.ServiceUrl.ToString(), TimeProvider.System);
        var servers = new Servers(paths, azurite);
        await using var ours = await servers.OursAsync(auth: true, memoryState: false, openIdMetadata: openId.MetadataUrl).ConfigureAwait(false);
        var url = new Uri(new Uri(ours.ReadyLine), "/api/messages");
        var activities = new TeamsActivities(channel.ServiceUrl, BenchCommand.TenantOf);
        var refresh = BenchCommand.RefreshData();
        // The mix of a day's questions: help, an invoice's status, the balance in Polish, a card refreshed.
        LoadRunner.RequestBody mixed = (c, s) => (s % 10) switch
        {
            < 3 => activities.Message(c, s, "help"),
            < 6 => activities.Message(c, s, $"is invoice {BenchCommand.ShowcaseInvoice} paid?"),
            < 8 => activities.Message(c, s, "ile jestem winien?", "pl-PL"),
            _ => activities.Execute(c, s, "reminder.refresh", refresh, refresh: true),
        };
        using var http = BenchCommand.NewClient();
        var runner = new LoadRunner(http, channel);
        var meter = ours.Meter;

        var samples = new List<SoakSample>();
        var started = DateTime.UtcNow;
        var window = TimeSpan.FromSeconds(10);
        var windows = (int)Math.Ceiling(TimeSpan.FromMinutes(minutes) / window);
        for (var i = 0; i < windows; i++)
        {
            var cell = await runner.RunAsync("ours-auth-tables", "mixed", url, mixed, tokens.Build(), concurrency, 1000, TimeSpan.Zero, window, meter, cancellationToken).ConfigureAwait(false);
            var sample = new SoakSample((DateTime.UtcNow - started).TotalSeconds, cell.Requests, cell.Errors, cell.Throughput, cell.P50Ms, cell.P99Ms, cell.CpuMsPerTurn,
                meter.ResidentBytes(), meter.OpenFileDescriptors(), meter.Threads());
            samples.Add(sample);
            Console.WriteLine(string.Create(Inv, $"{sample.Seconds,6:0}s {sample.Throughput,7:0.0}/s p99 {sample.P99Ms,7:0.0} ms errors {sample.Errors} rss {sample.ResidentBytes / 1048576.0,6:0.0} MiB fds {sample.FileDescriptors} threads {sample.Threads}"));
        }

        var summary = SoakSummary.Of(samples, minutes, concurrency);
        await File.WriteAllTextAsync(Path.Combine(outDir, "soak.json"), JsonSerializer.Serialize(new { summary, samples }, new JsonSerializerOptions { WriteIndented = true }), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(outDir, "soak.md"), summary.Markdown(samples), cancellationToken).ConfigureAwait(false);
        Console.WriteLine(summary.Verdict);
        return summary.Held ? 0 : 1;
    }
}
