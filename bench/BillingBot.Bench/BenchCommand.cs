using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace BillingBot.Bench;

/// <summary>The benchmark's commands: <c>probe</c> (one of each turn, printed), <c>turns</c>, <c>soak</c>.</summary>
public static class BenchCommand
{
    public const string DemoTenant = "00000000-0000-0000-0000-0000000000001";
    public const string ShowcaseInvoice = "FV/2026/10/017";

    public static async Task<int> RunAsync(string[] args)
    {
        var command = args.FirstOrDefault() ?? "probe";
        var paths = RepoPaths.Locate();
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        switch (command)
        {
            case "probe":
                return await ProbeAsync(paths, cancel.Token).ConfigureAwait(false);
            case "soak":
                return await SoakCommand.RunAsync(paths, args[1..], cancel.Token).ConfigureAwait(false);
            case "profile":
                return await ProfileCommand.RunAsync(paths, args[1..], cancel.Token).ConfigureAwait(false);
            case "turns":
                var results = await new TurnBench(paths, BenchSettings.FromEnvironment(), Console.Out).RunAsync(cancel.Token).ConfigureAwait(false);
                var output = args.Length > 1 ? args[1] : Path.Combine(paths.Root, "bench", "results", "turns.json");
                Directory.CreateDirectory(Path.GetDirectoryName(output)!);
                await File.WriteAllTextAsync(output, System.Text.Json.JsonSerializer.Serialize(results, new System.Text.Json.JsonSerializerOptions { WriteIndented = true }), cancel.Token).ConfigureAwait(false);
                Console.WriteLine($"wrote {output}");
                return 0;
            case "machine":
                await File.WriteAllTextAsync(args[1], System.Text.Json.JsonSerializer.Serialize(MachineInfo.Read(paths.Root)), cancel.Token).ConfigureAwait(false);
                return 0;
            case "reliability-report":
                // reliability-report <results-dir> <machine.json> <RESULTS-reliability.md>
                var machineInfo = System.Text.Json.JsonSerializer.Deserialize<MachineInfo>(await File.ReadAllTextAsync(args[2], cancel.Token).ConfigureAwait(false))!;
                await File.WriteAllTextAsync(args[3], ReliabilityReport.Build(paths.Root, args[1], machineInfo), cancel.Token).ConfigureAwait(false);
                Console.WriteLine($"wrote {args[3]}");
                return 0;
            case "report":
                // report <turns.json> <reminders.json|-> <machine.json> <notes.md> <RESULTS.md>
                var turns = Report.ReadTurns(args[1]);
                var reminders = File.Exists(args[2]) ? System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(args[2], cancel.Token).ConfigureAwait(false)) : null;
                var machine = System.Text.Json.JsonSerializer.Deserialize<MachineInfo>(await File.ReadAllTextAsync(args[3], cancel.Token).ConfigureAwait(false))!;
                var notes = File.Exists(args[4]) ? await File.ReadAllTextAsync(args[4], cancel.Token).ConfigureAwait(false) : string.Empty;
                var remindersText = Path.ChangeExtension(args[2], ".txt") is var txt && File.Exists(txt) ? await File.ReadAllTextAsync(txt, cancel.Token).ConfigureAwait(false) : null;
                var full = Path.Combine(Path.GetDirectoryName(args[2])!, "full-1m.txt");
                var reference = reminders?["options"]?["invoices"]?.GetValue<long>() < 1_000_000 && File.Exists(full) ? await File.ReadAllTextAsync(full, cancel.Token).ConfigureAwait(false) : null;
                await File.WriteAllTextAsync(args[5], Report.Build(turns, reminders, remindersText, reference, machine, notes), cancel.Token).ConfigureAwait(false);
                Console.WriteLine($"wrote {args[5]}");
                return 0;
            default:
                await Console.Error.WriteLineAsync($"Unknown command '{command}'.").ConfigureAwait(false);
                return 2;
        }
    }

    public static HttpClient NewClient() => new(new SocketsHttpHandler
    {
        UseProxy = false,
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        AutomaticDecompression = DecompressionMethods.None,
    })
    { Timeout = TimeSpan.FromSeconds(100) };

    private static async Task<int> ProbeAsync(RepoPaths paths, CancellationToken cancellationToken)
    {
        await using var azurite = await AzuriteProcess.StartAsync(paths.Root).ConfigureAwait(false);
        await using var channel = await FakeChannel.StartAsync(cancellationToken).ConfigureAwait(false);
        var servers = new Servers(paths, azurite);
        await using var ours = await servers.OursAsync(auth: false, memoryState: false, openIdMetadata: null).ConfigureAwait(false);
        var url = new Uri(new Uri(ours.ReadyLine), "/api/messages");
        var activities = new TeamsActivities(channel.ServiceUrl, _ => DemoTenant);
        using var http = NewClient();
        foreach (var (name, body) in new[]
        {
            ("help", activities.Message(1, 1, "help")),
            ("status", activities.Message(1, 2, $"is invoice {ShowcaseInvoice} paid?")),
            ("status again", activities.Message(1, 4, $"is invoice {ShowcaseInvoice} paid?")),
            ("help again", activities.Message(1, 5, "help")),
            ("refresh", activities.Execute(1, 3, "reminder.refresh", RefreshData(), refresh: true)),
        })
        {
            var captured = channel.CaptureNextPostAsync();
            using var response = await http.PostAsync(url, new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } }, cancellationToken).ConfigureAwait(false);
            var answer = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"== {name}: {(int)response.StatusCode} {Truncate(answer)}");
            if (captured.IsCompleted)
            {
                Console.WriteLine($"   posted: {Truncate(await captured.ConfigureAwait(false))}");
            }
        }

        Console.WriteLine($"channel posts {channel.Posts}, others {channel.Others}");
        Console.WriteLine(ours.Tail());
        return 0;
    }

    /// <summary>The tenants of the load (copies of the demo customer seeded by the bot host), 5 conversations each.</summary>
    public const int Tenants = 200;

    public static string TenantOf(int conversation) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"7e7e7e7e-0000-4000-8000-{conversation % Tenants:000000000000}");

    public static JsonObject RefreshData() => new()
    {
        ["invoice"] = ShowcaseInvoice,
        ["kind"] = "Overdue",
        ["stage"] = "overdue:3",
        ["offset"] = 3,
        ["date"] = DateTime.UtcNow.AddDays(-9).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["lang"] = "en",
    };

    private static string Truncate(string text) => text.Length > 600 ? text[..600] + "…" : text;
}
