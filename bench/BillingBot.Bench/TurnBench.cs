using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using BillingBot.TestKit.Auth;

namespace BillingBot.Bench;

/// <summary>
/// The turn benchmarks, all in one run on one machine: our bot (dev mode and auth on, state in memory and in Table
/// Storage), the peer (the Bot Framework SDK for JavaScript) and the floor, at each concurrency level, one server at a
/// time so they never compete; then the fake channel's own capacity.
/// </summary>
public sealed class TurnBench(RepoPaths paths, BenchSettings settings, TextWriter log)
{
    public async Task<TurnBenchResults> RunAsync(CancellationToken cancellationToken)
    {
        var results = new List<LoadResult>();
        var memory = new Dictionary<string, long>();
        await using var azurite = await AzuriteProcess.StartAsync(paths.Root).ConfigureAwait(false);
        await using var channel = await FakeChannel.StartAsync(cancellationToken).ConfigureAwait(false);
        await using var openId = new TestOpenIdServer();
        await openId.StartAsync(cancellationToken).ConfigureAwait(false);
        var servers = new Servers(paths, azurite);
        var activities = new TeamsActivities(channel.ServiceUrl, BenchCommand.TenantOf);
        using var http = BenchCommand.NewClient();
        var runner = new LoadRunner(http, channel);
        // A Teams-endorsed key, published by the loopback OpenID server; the Bot Connector reuses one token for an hour,
        // and so does the load.
        var key = TestSigningKey.ForTeams("bench-key");
        openId.AddKey(key);
        var token = new TestTokenBuilder(key, Servers.AppId, channel.ServiceUrl.ToString()).Build();

        LoadRunner.RequestBody help = (c, s) => activities.Message(c, s, "help");
        LoadRunner.RequestBody status = (c, s) => activities.Message(c, s, $"is invoice {BenchCommand.ShowcaseInvoice} paid?");
        var refreshData = BenchCommand.RefreshData();
        LoadRunner.RequestBody refresh = (c, s) => activities.Execute(c, s, "reminder.refresh", refreshData, refresh: true);

        var work = Path.Combine(Path.GetTempPath(), "billingbot-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        string helpReplyFile = Path.Combine(work, "help-reply.json"), statusReplyFile = Path.Combine(work, "status-reply.json");
        string? seededPrefix = null;
        try
        {
            // Our bot, dev mode, state in memory: turn (a), and its memory at 1,000 conversations.
            if (settings.Runs("ours-dev-memory"))
            {
                await using var ours = await servers.OursAsync(auth: false, memoryState: true, openIdMetadata: null).ConfigureAwait(false);
                var url = MessagesUrl(ours.ReadyLine);
                var reply = await FirstReplyAsync(http, channel, url, activities.Message(0, 0, "help"), null, cancellationToken).ConfigureAwait(false);
                await File.WriteAllTextAsync(helpReplyFile, PeerReply(reply), cancellationToken).ConfigureAwait(false);
                ours.Meter.ResetPeak();
                results.AddRange(await LevelsAsync(runner, "ours-dev-memory", "a-help", url, help, null, ours.Meter, cancellationToken).ConfigureAwait(false));
                memory["ours-dev-memory"] = ours.Meter.PeakResidentBytes();
            }

            foreach (var auth in new[] { false, true }.Where(a => settings.Runs(a ? "ours-auth-tables" : "ours-dev-tables")))
            {
                var target = auth ? "ours-auth-tables" : "ours-dev-tables";
                var bearer = auth ? token : null;
                await using var ours = await servers.OursAsync(auth, memoryState: false, openIdMetadata: openId.MetadataUrl).ConfigureAwait(false);
                seededPrefix ??= servers.LastTablePrefix;
                var url = MessagesUrl(ours.ReadyLine);
                var reply = await FirstReplyAsync(http, channel, url, activities.Message(0, 0, $"is invoice {BenchCommand.ShowcaseInvoice} paid?"), bearer, cancellationToken).ConfigureAwait(false);
                if (!auth)
                {
                    await File.WriteAllTextAsync(statusReplyFile, reply, cancellationToken).ConfigureAwait(false);
                }

                ours.Meter.ResetPeak();
                results.AddRange(await LevelsAsync(runner, target, "a-help", url, help, bearer, ours.Meter, cancellationToken).ConfigureAwait(false));
                results.AddRange(await LevelsAsync(runner, target, "b-status", url, status, bearer, ours.Meter, cancellationToken).ConfigureAwait(false));
                results.AddRange(await LevelsAsync(runner, target, "c-refresh", url, refresh, bearer, ours.Meter, cancellationToken).ConfigureAwait(false));
                memory[target] = ours.Meter.PeakResidentBytes();
            }

            foreach (var blobs in new[] { false, true }.Where(b => settings.Runs(b ? "peer-blobs" : "peer-memory")))
            {
                var target = blobs ? "peer-blobs" : "peer-memory";
                await using var peer = await servers.PeerAsync(blobs, helpReplyFile).ConfigureAwait(false);
                var url = new Uri($"http://127.0.0.1:{peer.ReadyLine}/api/messages");
                await FirstReplyAsync(http, channel, url, activities.Message(0, 0, "help"), null, cancellationToken).ConfigureAwait(false);
                peer.Meter.ResetPeak();
                results.AddRange(await LevelsAsync(runner, target, "a-help", url, help, null, peer.Meter, cancellationToken).ConfigureAwait(false));
                memory[target] = peer.Meter.PeakResidentBytes();
            }

            if (seededPrefix is not null && settings.Runs("floor"))
            {
                await using var floor = await servers.FloorAsync(seededPrefix, statusReplyFile).ConfigureAwait(false);
                var url = MessagesUrl(floor.ReadyLine);
                await FirstReplyAsync(http, channel, url, activities.Message(0, 0, "floor"), null, cancellationToken).ConfigureAwait(false);
                results.AddRange(await LevelsAsync(runner, "floor", "b-status", url, status, null, floor.Meter, cancellationToken).ConfigureAwait(false));
            }

            // The fake channel's own capacity, posted to directly with a reply the size of turn (b)'s.
            var replyBytes = File.Exists(statusReplyFile) ? await File.ReadAllBytesAsync(statusReplyFile, cancellationToken).ConfigureAwait(false) : "{}"u8.ToArray();
            var channelUrl = new Uri(channel.ServiceUrl, "v3/conversations/a%3Abench/activities/1");
            var self = new ProcessMeter(Environment.ProcessId);
            foreach (var concurrency in new[] { 32, 128 }.Where(_ => settings.Runs("fake-channel")))
            {
                log.WriteLine($"channel capacity at {concurrency}...");
                results.Add(await runner.RunAsync("fake-channel", "post", channelUrl, (_, _) => replyBytes, null, concurrency, 1000,
                    settings.WarmUp, settings.Measured, self, cancellationToken).ConfigureAwait(false));
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        return new TurnBenchResults(results, memory);
    }

    private async Task<IReadOnlyList<LoadResult>> LevelsAsync(LoadRunner runner, string target, string turn, Uri url, LoadRunner.RequestBody body, string? bearer, ProcessMeter meter, CancellationToken cancellationToken)
    {
        var results = new List<LoadResult>();
        if (settings.ServerWarmUp > TimeSpan.Zero)
        {
            await runner.WarmUpAsync(url, body, bearer, 8, settings.Conversations, settings.ServerWarmUp, cancellationToken).ConfigureAwait(false);
        }

        foreach (var concurrency in settings.Levels)
        {
            var result = await runner.RunAsync(target, turn, url, body, bearer, concurrency, settings.Conversations, settings.WarmUp, settings.Measured, meter, cancellationToken).ConfigureAwait(false);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{target,-18} {turn,-10} c={concurrency,-4} {result.Throughput,8:0.0}/s p50 {result.P50Ms,7:0.00} p95 {result.P95Ms,7:0.00} p99 {result.P99Ms,7:0.00} ms  cpu {result.CpuMsPerTurn,6:0.000} ms/turn  errors {result.Errors}  posts {result.ChannelPosts}"));
            results.Add(result);
        }

        return results;
    }

    /// <summary>Sends one turn and waits for it (the bot's model may still be training), returning what it posted.</summary>
    private static async Task<string> FirstReplyAsync(HttpClient http, FakeChannel channel, Uri url, byte[] body, string? bearer, CancellationToken cancellationToken)
    {
        var captured = channel.CaptureNextPostAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
        }

        return await captured.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The part of our reply the peer sends as its own: text, format and attachments, byte for byte.</summary>
    private static string PeerReply(string reply)
    {
        var activity = JsonNode.Parse(reply)!.AsObject();
        var peer = new JsonObject();
        foreach (var key in new[] { "text", "textFormat", "attachments" })
        {
            if (activity[key] is { } value)
            {
                peer[key] = value.DeepClone();
            }
        }

        return peer.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static Uri MessagesUrl(string baseUrl) => new(new Uri(baseUrl), "/api/messages");
}
