using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using BillingBot.App.Reminders;
using BillingBot.Billing;
using BillingBot.Billing.Collections;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using BillingBot.Protocol.State;
using BillingBot.Storage.Billing;
using BillingBot.Storage.Reminders;
using BillingBot.Storage.Tables;
using BillingBot.TestKit.Azurite;
using BillingBot.TestKit.Channel;
using Microsoft.Extensions.Options;

namespace BillingBot.Bench.Reminders;

/// <summary>
/// The benchmark: loads the store, measures the candidate search and the planning of one day on two sizes of history,
/// sends the day's reminders through the fake Teams channel with Teams' limits enforced, and a scenario in which one
/// tenant's ceiling binds. Every figure goes into <see cref="Results"/>.
/// </summary>
internal sealed partial class ReminderBench(BenchOptions options, TextWriter log)
{
    private const string SendsPattern = "/activities";

    public JsonObject Results { get; } = [];

    private DateTimeOffset Now => options.Now;

    private DateOnly Today => DateOnly.FromDateTime(options.Now.UtcDateTime);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        Results["machine"] = new JsonObject
        {
            ["cores"] = Environment.ProcessorCount,
            ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            ["dotnet"] = Environment.Version.ToString(),
            ["memoryGiB"] = Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024), 1),
        };
        Results["options"] = new JsonObject
        {
            ["invoices"] = options.InvoicesPerCustomer * options.Customers,
            ["customers"] = options.Customers,
            ["invoicesPerCustomer"] = options.InvoicesPerCustomer,
            ["smallInvoicesPerCustomer"] = options.SmallInvoicesPerCustomer,
            ["sendTarget"] = options.Send,
            ["day"] = Now.ToString("O", CultureInfo.InvariantCulture),
            ["quick"] = options.Quick,
            ["azurite"] = options.Disk ? "disk (temporary folder)" : "in memory",
        };

        var location = options.Disk ? Directory.CreateTempSubdirectory("billingbot-bench-azurite-").FullName : null;
        try
        {
            await using var azurite = new AzuriteFixture { MaxHeapMegabytes = options.AzuriteHeapMegabytes, Persistence = location is null ? AzuritePersistence.Memory : AzuritePersistence.Disk, DiskLocation = location };
            await azurite.StartAsync(cancellationToken).ConfigureAwait(false);
            await using var channel = new FakeTeamsChannel { RateLimits = ChannelRateLimits.Teams };
            await channel.StartAsync(cancellationToken).ConfigureAwait(false);
            log.WriteLine($"Azurite (pid {azurite.ProcessId}) on {azurite.TableEndpoint}, fake Teams channel on {channel.ServiceUrl} enforcing {ChannelRateLimits.Teams.TenantRequestsPerSecond}/s per tenant and Teams' per-conversation limits");

            if (options.CeilingOnly)
            {
                Results["tenantCeiling"] = await CeilingsAsync(azurite, channel, cancellationToken).ConfigureAwait(false);
                Results["wallSeconds"] = Round(total.Elapsed.TotalSeconds);
                return;
            }

            await using var big = new AppInstance(azurite.ConnectionString, "big", channel.ServiceUrl, new BenchClock(Now));
            var policy = big.Services.GetRequiredService<CollectionPolicyBook>().Default;
            var dataset = new Dataset(options.Customers, options.InvoicesPerCustomer, Today);
            var day = Plan(dataset, policy);
            Results["day"] = new JsonObject
            {
                ["customersWithAPlan"] = day.TenantsWithPlan.Count,
                ["plannedDeliveries"] = day.Planned.Count,
                ["sentOnEarlierDays"] = day.SentBefore.Count,
                ["dueMessages"] = day.DueMessages,
                ["dueApprovals"] = day.DueApprovals,
                ["dueCustomers"] = day.Due.Select(d => d.Reminder.TenantId).Distinct(StringComparer.Ordinal).Count(),
            };
            log.WriteLine($"The day: {day.DueMessages} reminders due to {Results["day"]!["dueCustomers"]} customers (+{day.DueApprovals} suspension approvals); {day.SentBefore.Count} planned deliveries were sent on earlier days");

            // The store grows in two steps: the customers with their newest invoices, then the rest of their history.
            var tables = big.Services.GetRequiredService<TableStore>();
            await tables.EnsureTablesAsync(cancellationToken).ConfigureAwait(false);
            var import = new TableBulkImport(tables);
            var loadSmall = await LoadAsync(import, dataset, 0, options.SmallInvoicesPerCustomer, withCustomers: true, channel.ServiceUrl, cancellationToken).ConfigureAwait(false);
            var history = day.History(d => new ReminderSentTo("h" + d.Id.GetHashCode(StringComparison.Ordinal).ToString("x8", CultureInfo.InvariantCulture), Dataset.ConversationOf(d.Reminder.TenantId, d.Recipient!.ObjectId), channel.ServiceUrl.ToString())).ToList();
            var ledgerClock = Stopwatch.StartNew();
            var ledgerRows = await import.ImportLedgerAsync(history, options.LoadParallelism, cancellationToken).ConfigureAwait(false);
            loadSmall["ledgerRows"] = ledgerRows;
            var ledgerSeconds = ledgerClock.Elapsed.TotalSeconds;
            loadSmall["ledgerSeconds"] = Round(ledgerSeconds);
            var small = await MeasureAsync(big, day, options.SmallInvoicesPerCustomer * options.Customers, cancellationToken).ConfigureAwait(false);

            var loadRest = options.InvoicesPerCustomer > options.SmallInvoicesPerCustomer
                ? await LoadAsync(import, dataset, options.SmallInvoicesPerCustomer, options.InvoicesPerCustomer, withCustomers: false, channel.ServiceUrl, cancellationToken).ConfigureAwait(false)
                : new JsonObject { ["entities"] = 0, ["seconds"] = 0.0 };
            var full = await MeasureAsync(big, day, options.InvoicesPerCustomer * options.Customers, cancellationToken).ConfigureAwait(false);
            var entities = loadSmall["entities"]!.GetValue<long>() + loadRest["entities"]!.GetValue<long>() + ledgerRows;
            var seconds = loadSmall["seconds"]!.GetValue<double>() + loadRest["seconds"]!.GetValue<double>() + ledgerSeconds;
            Results["load"] = new JsonObject
            {
                ["invoices"] = options.InvoicesPerCustomer * options.Customers,
                ["entities"] = entities,
                ["seconds"] = Round(seconds),
                ["entitiesPerSecond"] = Math.Round(entities / seconds),
                ["parallelPartitions"] = options.LoadParallelism,
                ["transactionLimit"] = 100,
                ["steps"] = new JsonArray(loadSmall, loadRest),
            };
            Results["sizes"] = new JsonArray(small, full);

            Results["send"] = await SendDayAsync(azurite, channel, dataset, day, policy, cancellationToken).ConfigureAwait(false);
            Results["tenantCeiling"] = await CeilingsAsync(azurite, channel, cancellationToken).ConfigureAwait(false);
            var stats = channel.RateStatistics;
            Results["channel"] = new JsonObject
            {
                ["writes"] = stats.Writes,
                ["throttled429"] = stats.Throttled,
                ["peakPerConversationPerSecond"] = stats.PeakPerConversationPerSecond,
                ["peakPerTenantPerSecond"] = stats.PeakTenantPerSecond,
            };
        }
        finally
        {
            if (location is not null)
            {
                Directory.Delete(location, recursive: true);
            }
        }

        Results["wallSeconds"] = Round(total.Elapsed.TotalSeconds);
    }

    // One instance at Teams' 30/s; then three instances at 10/s each (the README's share for scale-out), so that the ceiling,
    // not an instance's one-after-another sends, is what limits a tenant; then the same with a tighter margin.
    private async Task<JsonArray> CeilingsAsync(AzuriteFixture azurite, FakeTeamsChannel channel, CancellationToken cancellationToken) =>
    [
        await CeilingAsync(azurite, channel, "one", instances: 1, perInstance: 30, margin: null, cancellationToken).ConfigureAwait(false),
        await CeilingAsync(azurite, channel, "three", instances: 3, perInstance: 10, margin: null, cancellationToken).ConfigureAwait(false),
        await CeilingAsync(azurite, channel, "tight", instances: 3, perInstance: 10, margin: TimeSpan.FromMilliseconds(20), cancellationToken).ConfigureAwait(false),
    ];

    private DueDay Plan(Dataset dataset, CollectionPolicy policy)
    {
        var day = new DueDay(policy, Now);
        for (var c = 0; c < dataset.Customers; c++)
        {
            // Invoices due more than 40 days ago are all settled (see Dataset), so they cannot change the plan.
            day.Add(dataset.Customer(c), [.. dataset.Invoices(c, 0, options.SmallInvoicesPerCustomer).Where(i => i.DueDate >= Today.AddDays(-45))]);
        }

        return day;
    }

    private async Task<JsonObject> LoadAsync(TableBulkImport import, Dataset dataset, int from, int to, bool withCustomers, Uri serviceUrl, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        long entities = 0;
        for (var first = 0; first < dataset.Customers; first += options.LoadChunk)
        {
            var range = Enumerable.Range(first, Math.Min(options.LoadChunk, dataset.Customers - first)).ToList();
            var customers = withCustomers ? range.Select(dataset.Customer).ToList() : [];
            var references = withCustomers ? range.SelectMany(c => dataset.References(c, serviceUrl, Now.AddDays(-100))).ToList() : [];
            var invoices = range.SelectMany(c => dataset.Invoices(c, from, to)).ToList();
            entities += await import.ImportAsync(customers, invoices, references, Now.AddDays(-100), options.LoadParallelism, cancellationToken).ConfigureAwait(false);
            log.Write($"\r  loading invoices {from}..{to - 1} of each customer: {Math.Min(first + options.LoadChunk, dataset.Customers)}/{dataset.Customers} customers, {entities:N0} entities, {entities / clock.Elapsed.TotalSeconds:N0}/s   ");
        }

        log.WriteLine();
        return new JsonObject
        {
            ["invoicesPerCustomer"] = $"{from}..{to - 1}",
            ["entities"] = entities,
            ["seconds"] = Round(clock.Elapsed.TotalSeconds),
            ["entitiesPerSecond"] = Math.Round(entities / clock.Elapsed.TotalSeconds),
        };
    }

    /// <summary>
    /// The candidate search (twice: the first read of the day includes the customer roster), then the per-customer
    /// planning and the ledger's word on what is still due, without sending.
    /// </summary>
    private async Task<JsonObject> MeasureAsync(AppInstance app, DueDay day, int invoices, CancellationToken cancellationToken)
    {
        var services = app.Services;
        var candidates = services.GetRequiredService<ReminderCandidates>();
        log.WriteLine($"Measuring the sweep over {invoices:N0} invoices");

        app.Counter.Reset();
        var clock = Stopwatch.StartNew();
        await candidates.FindAsync(Now, cancellationToken).ConfigureAwait(false);
        var coldMs = clock.Elapsed.TotalMilliseconds;
        var cold = app.Counter.Snapshot();

        app.Counter.Reset();
        clock.Restart();
        var found = await candidates.FindAsync(Now, cancellationToken).ConfigureAwait(false);
        var searchMs = clock.Elapsed.TotalMilliseconds;
        var search = app.Counter.Snapshot();
        log.WriteLine($"  candidate search: {found.Tenants.Count:N0} customers in {searchMs:N0} ms, {search.Entities:N0} entities read ({cold.Entities:N0} and {coldMs:N0} ms with the day's first read of the customer roster)");

        // The same search as it read before the index carried the invoices' state (a point read per indexed invoice).
        var roster = await services.GetRequiredService<CustomerRoster>().ForDayAsync(Today, cancellationToken).ConfigureAwait(false);
        app.Counter.Reset();
        clock.Restart();
        await PreviousCandidateSearch.ReadAsync(services, roster, Now, cancellationToken).ConfigureAwait(false);
        var previousMs = clock.Elapsed.TotalMilliseconds;
        var previous = app.Counter.Snapshot();
        log.WriteLine($"  the previous candidate search (a point read per indexed invoice): {previousMs:N0} ms, {previous.Entities:N0} entities read");

        // Per customer: what a sweep reads before it sends (ReminderSweep.VisitAsync), and the ledger for each planned delivery.
        var customers = services.GetRequiredService<ICustomerRepository>();
        var invoiceStore = services.GetRequiredService<IInvoiceRepository>();
        var controls = services.GetRequiredService<IReminderControls>();
        var ledger = services.GetRequiredService<TableReminderLedger>();
        var policies = services.GetRequiredService<CollectionPolicyBook>();
        var parallel = services.GetRequiredService<IOptions<ReminderOptions>>().Value.MaxParallelTenants;
        var sample = found.Tenants.Count <= options.PlanSample
            ? found.Tenants
            : [.. found.Tenants.OrderBy(t => t.TenantId.GetHashCode(StringComparison.Ordinal) ^ 0x5bd1e995).Take(options.PlanSample)];
        var dueFound = new System.Collections.Concurrent.ConcurrentBag<string>();
        app.Counter.Reset();
        clock.Restart();
        await Parallel.ForEachAsync(sample, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken }, async (candidate, token) =>
        {
            if (await customers.FindAsync(candidate.TenantId, token).ConfigureAwait(false) is not { } customer)
            {
                return;
            }

            var list = await invoiceStore.ListOpenForCustomerAsync(candidate.TenantId, token).ConfigureAwait(false);
            var set = await controls.ForCustomerAsync(candidate.TenantId, token).ConfigureAwait(false);
            foreach (var delivery in ReminderPlanner.Plan(new ReminderInputs(customer, list, set), policies.For(candidate.TenantId), Now).SelectMany(ReminderDelivery.Of))
            {
                if (await ledger.FindAsync(delivery, token).ConfigureAwait(false) is not { State: ReminderLedgerState.Sent or ReminderLedgerState.Skipped or ReminderLedgerState.Undeliverable })
                {
                    dueFound.Add(delivery.Id);
                }
            }
        }).ConfigureAwait(false);
        var planMs = clock.Elapsed.TotalMilliseconds;
        var plan = app.Counter.Snapshot();

        // The same visits as they read before the sweep asked for open invoices only: each customer's whole history.
        app.Counter.Reset();
        clock.Restart();
        await Parallel.ForEachAsync(sample, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken }, async (candidate, token) =>
        {
            await customers.FindAsync(candidate.TenantId, token).ConfigureAwait(false);
            await invoiceStore.ListForCustomerAsync(candidate.TenantId, token).ConfigureAwait(false);
            await controls.ForCustomerAsync(candidate.TenantId, token).ConfigureAwait(false);
        }).ConfigureAwait(false);
        var wholeHistoryMs = clock.Elapsed.TotalMilliseconds;
        var wholeHistory = app.Counter.Snapshot();
        var wholeHistoryPerVisit = sample.Count == 0 ? 0 : (double)wholeHistory.Entities / sample.Count;

        // The sample must find exactly what the oracle says is due for those customers.
        var sampled = sample.Select(t => t.TenantId).ToHashSet(StringComparer.Ordinal);
        var expected = day.Due.Where(d => sampled.Contains(d.Reminder.TenantId)).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var agrees = expected.SetEquals(dueFound);
        var missed = day.Due.Select(d => d.Reminder.TenantId).Distinct(StringComparer.Ordinal).Count(t => !found.Tenants.Any(f => f.TenantId == t));

        var perVisitMs = sample.Count == 0 ? 0 : planMs / sample.Count;
        var perVisitEntities = sample.Count == 0 ? 0 : (double)plan.Entities / sample.Count;
        var estimatedPlanMs = searchMs + (perVisitMs * found.Tenants.Count);
        var estimatedEntities = search.Entities + (perVisitEntities * found.Tenants.Count);
        var scanMs = await ScanCostAsync(invoiceStore, cancellationToken).ConfigureAwait(false);
        log.WriteLine($"  planning: {sample.Count} of {found.Tenants.Count:N0} customers visited in {planMs:N0} ms ({perVisitMs:N0} ms and {perVisitEntities:N1} entities a customer); the sample agrees with the oracle: {agrees}; due customers not found: {missed}");
        log.WriteLine($"  Azurite answers one partition query of the Billing table in {scanMs:N0} ms at this size (it scans the whole table)");

        return new JsonObject
        {
            ["invoices"] = invoices,
            ["remindersDue"] = day.DueMessages,
            ["approvalsDue"] = day.DueApprovals,
            ["candidates"] = found.Tenants.Count,
            ["dueCustomersMissed"] = missed,
            ["search"] = new JsonObject
            {
                ["ms"] = Round(searchMs),
                ["entitiesRead"] = search.Entities,
                ["requests"] = search.Queries + search.PointReads,
                ["perTable"] = Tables(search),
                ["entitiesPerReminderDue"] = Ratio(search.Entities, day.DueMessages),
                ["firstOfTheDay"] = new JsonObject { ["ms"] = Round(coldMs), ["entitiesRead"] = cold.Entities, ["perTable"] = Tables(cold) },
                ["before"] = new JsonObject
                {
                    ["what"] = "the search before this change (commit bbceb70): the same ranges, each indexed invoice read by a point read",
                    ["ms"] = Round(previousMs),
                    ["entitiesRead"] = previous.Entities,
                    ["perTable"] = Tables(previous),
                    ["entitiesPerReminderDue"] = Ratio(previous.Entities, day.DueMessages),
                },
            },
            ["planning"] = new JsonObject
            {
                ["customersVisited"] = sample.Count,
                ["sampled"] = sample.Count < found.Tenants.Count,
                ["ms"] = Round(planMs),
                ["msPerCustomer"] = Round(perVisitMs),
                ["entitiesRead"] = plan.Entities,
                ["entitiesPerCustomer"] = Math.Round(perVisitEntities, 1),
                ["perTable"] = Tables(plan),
                ["agreesWithOracle"] = agrees,
                ["before"] = new JsonObject
                {
                    ["what"] = "the visits before this change: each customer's whole invoice history read (without the ledger reads)",
                    ["ms"] = Round(wholeHistoryMs),
                    ["entitiesRead"] = wholeHistory.Entities,
                    ["entitiesPerCustomer"] = Math.Round(wholeHistoryPerVisit, 1),
                },
            },
            ["oneDay"] = new JsonObject
            {
                ["estimated"] = sample.Count < found.Tenants.Count,
                ["ms"] = Round(estimatedPlanMs),
                ["entitiesRead"] = Math.Round(estimatedEntities),
                ["entitiesPerReminderDue"] = Ratio(estimatedEntities, day.DueMessages),
                ["before"] = new JsonObject
                {
                    ["entitiesRead"] = Math.Round(search.Entities + (wholeHistoryPerVisit * found.Tenants.Count)),
                    ["entitiesPerReminderDue"] = Ratio(search.Entities + (wholeHistoryPerVisit * found.Tenants.Count), day.DueMessages),
                },
            },
            ["azuritePartitionQueryMs"] = Round(scanMs),
        };
    }

    /// <summary>The median time Azurite takes to answer a query of one (absent) partition of the Billing table.</summary>
    private static async Task<double> ScanCostAsync(IInvoiceRepository invoices, CancellationToken cancellationToken)
    {
        var times = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            await invoices.ListForCustomerAsync("absent-" + i.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return times.Order().ElementAt(1);
    }

    private static JsonObject Tables(ReadCount count)
    {
        var tables = new JsonObject();
        foreach (var (name, table) in count.Tables.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (table.Entities > 0 || table.Queries + table.PointReads > 0)
            {
                tables[name] = new JsonObject { ["entities"] = table.Entities, ["queries"] = table.Queries, ["pointReads"] = table.PointReads };
            }
        }

        return tables;
    }

    private static double Round(double value) => Math.Round(value, 1);

    private static double? Ratio(double value, int per) => per == 0 ? null : Math.Round(value / per, 2);
}
