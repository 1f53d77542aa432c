using System.Diagnostics;
using System.Globalization;

namespace BillingBot.Bench;

/// <summary>
/// <c>profile &lt;turn&gt; &lt;concurrency&gt; &lt;seconds&gt; &lt;out.nettrace&gt; [memory|tables]</c>: our bot under one turn's load
/// while dotnet-trace samples its CPU (BENCH_DOTNET_TRACE names the tool). The trace shows where a turn's CPU goes.
/// </summary>
public static class ProfileCommand
{
    public static async Task<int> RunAsync(RepoPaths paths, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var turn = args[0];
        var concurrency = int.Parse(args[1], CultureInfo.InvariantCulture);
        var seconds = int.Parse(args[2], CultureInfo.InvariantCulture);
        var output = Path.GetFullPath(args[3]);
        var memory = args.Count > 4 && args[4] == "memory";
        var tool = Environment.GetEnvironmentVariable("BENCH_DOTNET_TRACE") ?? "dotnet-trace";

        await using var azurite = await AzuriteProcess.StartAsync(paths.Root).ConfigureAwait(false);
        await using var channel = await FakeChannel.StartAsync(cancellationToken).ConfigureAwait(false);
        var servers = new Servers(paths, azurite);
        await using var ours = await servers.OursAsync(auth: false, memoryState: memory, openIdMetadata: null).ConfigureAwait(false);
        var url = new Uri(new Uri(ours.ReadyLine), "/api/messages");
        var activities = new TeamsActivities(channel.ServiceUrl, BenchCommand.TenantOf);
        var data = BenchCommand.RefreshData();
        LoadRunner.RequestBody body = turn switch
        {
            "a-help" => (c, s) => activities.Message(c, s, "help"),
            "b-status" => (c, s) => activities.Message(c, s, $"is invoice {BenchCommand.ShowcaseInvoice} paid?"),
            _ => (c, s) => activities.Execute(c, s, "reminder.refresh", data, refresh: true),
        };
        using var http = BenchCommand.NewClient();
        var runner = new LoadRunner(http, channel);
        await runner.RunAsync("ours", turn, url, body, null, concurrency, 1000, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1), ours.Meter, cancellationToken).ConfigureAwait(false);

        var duration = TimeSpan.FromSeconds(seconds).ToString("c", CultureInfo.InvariantCulture);
        using var trace = Process.Start(new ProcessStartInfo(tool)
        {
            ArgumentList = { "collect", "-p", ours.Meter.Pid.ToString(CultureInfo.InvariantCulture), "--profile", "dotnet-sampled-thread-time,dotnet-common", "--format", "Speedscope", "--duration", duration, "-o", output },
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        })!;
        var result = await runner.RunAsync("ours", turn, url, body, null, concurrency, 1000, TimeSpan.Zero, TimeSpan.FromSeconds(seconds + 3), ours.Meter, cancellationToken).ConfigureAwait(false);
        await trace.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{turn} c={concurrency}: {result.Throughput:0.0}/s, cpu {result.CpuMsPerTurn:0.000} ms/turn; trace {output}"));
        return 0;
    }
}
