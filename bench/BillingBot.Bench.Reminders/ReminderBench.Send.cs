using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using BillingBot.App.Reminders;
using BillingBot.Billing;
using BillingBot.Billing.Collections;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Protocol.State;
using BillingBot.Storage.Billing;
using BillingBot.Storage.Reminders;
using BillingBot.Storage.Tables;
using BillingBot.TestKit.Azurite;
using BillingBot.TestKit.Channel;

namespace BillingBot.Bench.Reminders;

/// <summary>The sending half: the day's reminders through the real sweep, and the scenario in which a tenant's ceiling binds.</summary>
internal sealed partial class ReminderBench
{
    /// <summary>
    /// Sends the day's reminders with the app's sweep. Its store holds the customers with something due today: their
    /// invoices of the policy's window, their chats and the ledger of what was sent before (Azurite scans a whole table
    /// for every query, so the full store would measure Azurite rather than the app and Teams' limits).
    /// </summary>
    private async Task<JsonObject> SendDayAsync(AzuriteFixture azurite, FakeTeamsChannel channel, Dataset dataset, DueDay day, CollectionPolicy policy, CancellationToken cancellationToken)
    {
        await using var app = new AppInstance(azurite.ConnectionString, "send", channel.ServiceUrl, new BenchClock(Now));
        var tables = app.Services.GetRequiredService<TableStore>();
        await tables.EnsureTablesAsync(cancellationToken).ConfigureAwait(false);
        var import = new TableBulkImport(tables);
        var tenants = day.Due.Select(d => d.Reminder.TenantId).ToHashSet(StringComparer.Ordinal);
        var numbers = tenants.Select(t => int.Parse(t.AsSpan(0, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture)).Order().ToList();
        var clock = Stopwatch.StartNew();
        await import.ImportAsync(
            [.. numbers.Select(dataset.Customer)],
            [.. numbers.SelectMany(c => dataset.Invoices(c, 0, options.SmallInvoicesPerCustomer)).Where(i => i.DueDate >= Today.AddDays(-45))],
            [.. numbers.SelectMany(c => dataset.References(c, channel.ServiceUrl, Now.AddDays(-100)))],
            Now.AddDays(-100),
            options.LoadParallelism,
            cancellationToken).ConfigureAwait(false);
        await import.ImportLedgerAsync(
            [.. day.History(d => new ReminderSentTo("h", Dataset.ConversationOf(d.Reminder.TenantId, d.Recipient!.ObjectId), channel.ServiceUrl.ToString()))
                .Where(e => tenants.Contains(e.Delivery.Reminder.TenantId))],
            options.LoadParallelism,
            cancellationToken).ConfigureAwait(false);
        log.WriteLine($"Sending the day's {day.DueMessages:N0} reminders to {tenants.Count:N0} customers (their store loaded in {clock.Elapsed.TotalSeconds:N1} s)");

        var (sweep, traffic) = await SweepAsync(app, channel, cancellationToken).ConfigureAwait(false);
        var check = Check(traffic.Accepted, day.Due.Where(d => d.Recipient is not null).ToList());
        var perTenant = traffic.Accepted.GroupBy(a => a.Tenant, StringComparer.Ordinal).Select(g => g.Count()).DefaultIfEmpty().Max();
        var perConversation = traffic.Accepted.GroupBy(a => a.ConversationId, StringComparer.Ordinal).Select(g => g.Count()).DefaultIfEmpty().Max();
        var ceiling = app.Setting("Connector:TenantRequestsPerSecond", 30);
        var parallel = app.Setting("Reminders:MaxParallelTenants", 4);
        var people = app.Setting("Reminders:MaxParallelPeople", 4);
        var rate = traffic.Accepted.Count / Math.Max(traffic.Window.TotalSeconds, 0.001);
        log.WriteLine($"  sent {traffic.Accepted.Count:N0} in {traffic.Window.TotalSeconds:N1} s ({rate:N1}/s), {traffic.Throttled} answered 429, {check.Duplicates} duplicates, {check.Missing} missing, {check.Unexpected} unexpected");
        return new JsonObject
        {
            ["customers"] = tenants.Count,
            ["remindersDue"] = day.DueMessages,
            ["approvalsDue"] = day.DueApprovals,
            ["sent"] = traffic.Accepted.Count,
            ["sweepSeconds"] = Round(sweep.Elapsed.TotalSeconds),
            ["sendSeconds"] = Round(traffic.Window.TotalSeconds),
            ["ratePerSecond"] = Round(rate),
            ["throttled429"] = traffic.Throttled,
            ["duplicates"] = check.Duplicates,
            ["missing"] = check.Missing,
            ["unexpected"] = check.Unexpected,
            ["everyDueSentExactlyOnce"] = check.ExactlyOnce,
            ["sweepTally"] = new JsonObject
            {
                ["customers"] = sweep.Result.Tenants,
                ["planned"] = sweep.Result.Planned,
                ["sent"] = sweep.Result.Sent,
                ["approvalsRequested"] = sweep.Result.ApprovalsRequested,
                ["failed"] = sweep.Result.Failed,
            },
            ["mostToOneTenant"] = perTenant,
            ["mostToOneConversation"] = perConversation,
            ["tenantCeilingPerSecond"] = ceiling,
            ["bindingLimit"] = string.Create(CultureInfo.InvariantCulture,
                $"none of Teams' limits: each customer is its own tenant and got at most {perTenant} reminders ({perConversation} per chat), far below {ceiling}/s per tenant and 7/s per conversation; the rate is the sweep's own ({parallel} customers at once, up to {people} people of a customer at once, each person's reminders one after another: claim, re-read, send, record)"),
            ["sendRateUpperBoundFromCeilings"] = string.Create(CultureInfo.InvariantCulture, $"{ceiling}/s x {parallel} tenants in flight = {ceiling * parallel}/s, never reached: no tenant has enough reminders"),
        };
    }

    /// <summary>
    /// Tenants with many people (a large customer with a billing contact per department): two invoices each enter a stage
    /// today, so every contact gets two reminders, and one tenant's sends are many. <paramref name="instances"/> app
    /// instances sweep at once, each with <paramref name="perInstance"/> writes a second per tenant (their share of Teams'
    /// 30/s, as the README advises for scale-out), and the ledger splits the reminders between them.
    /// </summary>
    private async Task<JsonObject> CeilingAsync(AzuriteFixture azurite, FakeTeamsChannel channel, string prefix, int instances, int perInstance, TimeSpan? margin, CancellationToken cancellationToken)
    {
        var apps = new List<AppInstance>();
        try
        {
            for (var n = 0; n < instances; n++)
            {
                var settings = new Dictionary<string, string?>
                {
                    ["Connector:TenantRequestsPerSecond"] = perInstance.ToString(CultureInfo.InvariantCulture),
                    ["Reminders:InstanceId"] = string.Create(CultureInfo.InvariantCulture, $"bench-{prefix}-{n}"),
                };
                if (margin is { } tight)
                {
                    settings["Connector:RateLimitMargin"] = tight.ToString("c", CultureInfo.InvariantCulture);
                }

                apps.Add(new AppInstance(azurite.ConnectionString, prefix, channel.ServiceUrl, new BenchClock(Now), settings));
            }

            return await CeilingRunAsync(apps, channel, prefix, perInstance, margin, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var app in apps)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<JsonObject> CeilingRunAsync(List<AppInstance> apps, FakeTeamsChannel channel, string prefix, int perInstance, TimeSpan? margin, CancellationToken cancellationToken)
    {
        var app = apps[0];
        var tables = app.Services.GetRequiredService<TableStore>();
        await tables.EnsureTablesAsync(cancellationToken).ConfigureAwait(false);
        var policy = app.Services.GetRequiredService<CollectionPolicyBook>().Default;
        var day = new DueDay(policy, Now);
        var customers = new List<Customer>();
        var invoices = new List<Invoice>();
        var references = new List<StoredConversationReference>();
        for (var t = 0; t < options.CeilingTenants; t++)
        {
            var tenant = Dataset.Id(prefix, t, 0);
            var contacts = Enumerable.Range(1, options.CeilingContacts).Select(i => new BillingContact(
                Dataset.Id(prefix, t, i), "Kontakt " + i.ToString(CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"p{i}@{prefix}{t}.example"),
                i == 1 ? BillingContactRole.Primary : BillingContactRole.Billing)).ToList();
            var customer = new Customer(tenant, "Duży klient " + t.ToString(CultureInfo.InvariantCulture), "PLN", "pl-PL", "Europe/Warsaw", 14, SupportPlan.Premium, contacts);
            var own = new[] { 7, 1 }.Select(days => new Invoice(
                string.Create(CultureInfo.InvariantCulture, $"FV/{Today:yyyy}/{Today:MM}/{prefix}{t:D5}-{days:D2}"), tenant, BillingPeriod.Month(Today.Year, Today.Month),
                Today.AddDays(days - 14), Today.AddDays(days), new Money(10_000m, "PLN"), new Money(2_300m, "PLN"), new Money(12_300m, "PLN"), Money.Zero("PLN"),
                [new InvoiceLine("Microsoft 365 E5", 250, new Money(10_000m, "PLN"))], null, InvoiceStatus.Issued)).ToList();
            customers.Add(customer);
            invoices.AddRange(own);
            references.AddRange(contacts.Select(c => Dataset.Reference(tenant, c.ObjectId, channel.ServiceUrl, Now.AddDays(-100))));
            day.Add(customer, own);
        }

        await new TableBulkImport(tables).ImportAsync(customers, invoices, references, Now.AddDays(-100), options.LoadParallelism, cancellationToken).ConfigureAwait(false);
        var due = day.Due.Where(d => d.Recipient is not null).ToList();
        log.WriteLine($"Tenant ceiling scenario, {apps.Count} instance(s) at {perInstance}/s per tenant, {(margin is null ? "the app's margin" : $"margin {margin.Value.TotalMilliseconds} ms")}: {due.Count:N0} reminders to {options.CeilingTenants} tenants of {options.CeilingContacts} people");

        var (sweep, traffic) = await SweepAsync(apps, channel, cancellationToken).ConfigureAwait(false);
        var check = Check(traffic.Accepted, due);
        var ceiling = perInstance * apps.Count;
        var usedMargin = margin ?? TimeSpan.FromMilliseconds(100);
        var effective = ceiling / (1 + usedMargin.TotalSeconds);
        var enforced = ChannelRateLimits.Teams.TenantRequestsPerSecond;
        var rates = traffic.Accepted.GroupBy(a => a.Tenant, StringComparer.Ordinal).Select(g =>
        {
            var times = g.Select(a => a.At).Order().ToList();
            return times.Count < 2 ? 0 : (times.Count - 1) / (times[^1] - times[0]).TotalSeconds;
        }).ToList();
        var mean = rates.DefaultIfEmpty().Average();
        log.WriteLine($"  per tenant {mean:N2}/s (min {rates.DefaultIfEmpty().Min():N2}) against the enforced {enforced}/s: {mean / enforced:P1}; {traffic.Throttled} answered 429; {check.Duplicates} duplicates, {check.Missing} missing");
        return new JsonObject
        {
            ["instances"] = apps.Count,
            ["perInstanceCeilingPerSecond"] = perInstance,
            ["margin"] = usedMargin.TotalMilliseconds,
            ["tenants"] = options.CeilingTenants,
            ["contactsPerTenant"] = options.CeilingContacts,
            ["remindersDue"] = due.Count,
            ["sent"] = traffic.Accepted.Count,
            ["sweepSeconds"] = Round(sweep.Elapsed.TotalSeconds),
            ["sendSeconds"] = Round(traffic.Window.TotalSeconds),
            ["ratePerSecond"] = Round(traffic.Accepted.Count / Math.Max(traffic.Window.TotalSeconds, 0.001)),
            ["perTenantRatePerSecond"] = Math.Round(mean, 2),
            ["perTenantRateMin"] = Math.Round(rates.DefaultIfEmpty().Min(), 2),
            ["enforcedCeilingPerSecond"] = enforced,
            ["rateOverEnforcedCeiling"] = Math.Round(mean / enforced, 3),
            ["appCeilingPerSecond"] = ceiling,
            ["appEffectiveCeilingPerSecond"] = Math.Round(effective, 2),
            ["rateOverAppEffectiveCeiling"] = Math.Round(mean / effective, 3),
            ["throttled429"] = traffic.Throttled,
            ["duplicates"] = check.Duplicates,
            ["missing"] = check.Missing,
            ["everyDueSentExactlyOnce"] = check.ExactlyOnce,
            ["bindingLimit"] = string.Create(CultureInfo.InvariantCulture,
                $"the per-tenant ceiling: each of {apps.Count} instance(s) sends at most {perInstance} writes to a tenant in any {1 + usedMargin.TotalSeconds:0.###} s (1 s plus the margin), one every {1000 * (1 + usedMargin.TotalSeconds) / perInstance:0.#} ms: {effective:0.##}/s per tenant together, against Teams' {enforced}/s per tenant enforced by the channel; each person gets 2, far below 7/s per conversation. An instance sends to up to {apps[0].Setting("Reminders:MaxParallelPeople", 4)} people of a tenant at once, each person's reminders one after another (about {1000.0 / Math.Max(1, traffic.Accepted.Count / Math.Max(traffic.Window.TotalSeconds, 0.001) / Math.Max(1, options.CeilingTenants) / apps.Count):0} ms a reminder per instance and tenant here)"),
        };
    }

    private Task<((TimeSpan Elapsed, ReminderSweepResult Result) Sweep, Traffic Traffic)> SweepAsync(AppInstance app, FakeTeamsChannel channel, CancellationToken cancellationToken) =>
        SweepAsync([app], channel, cancellationToken);

    /// <summary>Sweeps once on every instance at the same time; the tally is the first instance's.</summary>
    private async Task<((TimeSpan Elapsed, ReminderSweepResult Result) Sweep, Traffic Traffic)> SweepAsync(IReadOnlyList<AppInstance> apps, FakeTeamsChannel channel, CancellationToken cancellationToken)
    {
        var throttledBefore = channel.RateStatistics.Throttled;
        var requestsBefore = channel.Requests.Count;
        var sentBefore = channel.SentActivities.Count;
        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(apps.Select(a => a.Services.GetRequiredService<ReminderScheduler>().SweepAsync(Now, cancellationToken))).ConfigureAwait(false);
        var result = results[0];
        var elapsed = clock.Elapsed;
        var sends = channel.Requests.Skip(requestsBefore).Where(r => r.Method == "POST" && r.Path.EndsWith(SendsPattern, StringComparison.Ordinal)).ToList();
        var window = sends.Count < 2 ? TimeSpan.Zero : sends[^1].ReceivedAt - sends[0].ReceivedAt;

        // A 429'd request and its accepted retry carry the same body: the accepted one is the last of them to arrive.
        var arrivals = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var request in sends)
        {
            arrivals[request.Body?.ToJsonString() ?? string.Empty] = request.ReceivedAt;
        }

        var accepted = channel.SentActivities.Skip(sentBefore).Select(activity =>
        {
            var json = activity.ToJsonString();
            return new AcceptedSend(
                activity["conversation"]?["id"]?.GetValue<string>() ?? string.Empty,
                activity["conversation"]?["tenantId"]?.GetValue<string>() ?? string.Empty,
                json,
                arrivals.GetValueOrDefault(json));
        }).ToList();
        return ((elapsed, result), new Traffic(accepted, channel.RateStatistics.Throttled - throttledBefore, window));
    }

    /// <summary>Matches what the channel accepted to the deliveries due: by chat, then by the invoice number in the card.</summary>
    private static DeliveryCheck Check(IReadOnlyList<AcceptedSend> accepted, IReadOnlyList<ReminderDelivery> due)
    {
        var byChat = due.ToLookup(d => Dataset.ConversationOf(d.Reminder.TenantId, d.Recipient!.ObjectId), StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var unexpected = 0;
        foreach (var send in accepted)
        {
            var match = byChat[send.ConversationId].FirstOrDefault(d => d.Reminder.InvoiceNumber is null || send.Json.Contains(d.Reminder.InvoiceNumber, StringComparison.Ordinal));
            if (match is null)
            {
                unexpected++;
                continue;
            }

            counts[match.Id] = counts.GetValueOrDefault(match.Id) + 1;
        }

        var duplicates = counts.Values.Sum(n => n - 1);
        var missing = due.Count(d => !counts.ContainsKey(d.Id));
        return new DeliveryCheck(duplicates, missing, unexpected, duplicates == 0 && missing == 0 && unexpected == 0);
    }
}
