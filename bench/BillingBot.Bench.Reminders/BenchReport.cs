using System.Globalization;
using System.Text.Json.Nodes;

namespace BillingBot.Bench.Reminders;

/// <summary>The human-readable table of a run's figures.</summary>
internal static class BenchReport
{
    public static void Print(JsonObject results, TextWriter output)
    {
        var rows = new List<(string Section, string Figure, string Value)>();
        void Row(string section, string figure, JsonNode? value, string unit = "") =>
            rows.Add((section, figure, Format(value) + (unit.Length > 0 ? " " + unit : string.Empty)));

        var machine = results["machine"]!;
        Row("machine", "cores", machine["cores"]);
        Row("machine", "memory", machine["memoryGiB"], "GiB");
        if (results["load"] is { } load)
        {
            Row("load", "invoices", load["invoices"]);
            Row("load", "entities written", load["entities"]);
            Row("load", "time", load["seconds"], "s");
            Row("load", "rate", load["entitiesPerSecond"], "entities/s");
            var day = results["day"]!;
            Row("day", "reminders due (messages)", day["dueMessages"]);
            Row("day", "suspension approvals due", day["dueApprovals"]);
            Row("day", "customers with something due", day["dueCustomers"]);
            Row("day", "planned, sent on earlier days", day["sentOnEarlierDays"]);
            foreach (var size in results["sizes"]!.AsArray())
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"sweep @ {size!["invoices"]!.GetValue<int>():N0} invoices");
                Row(name, "candidate customers", size["candidates"]);
                Row(name, "candidate search", size["search"]!["ms"], "ms");
                Row(name, "  entities read", size["search"]!["entitiesRead"]);
                Row(name, "  entities read / reminder due", size["search"]!["entitiesPerReminderDue"]);
                Row(name, "  first of the day (+ customer roster)", size["search"]!["firstOfTheDay"]!["entitiesRead"], "entities");
                Row(name, "  before (point read per indexed invoice)", size["search"]!["before"]!["ms"], "ms");
                Row(name, "    entities read", size["search"]!["before"]!["entitiesRead"]);
                Row(name, "    entities read / reminder due", size["search"]!["before"]!["entitiesPerReminderDue"]);
                Row(name, "planning, customers visited", size["planning"]!["customersVisited"], size["planning"]!["sampled"]!.GetValue<bool>() ? "(sample)" : "(all)");
                Row(name, "  per customer", size["planning"]!["msPerCustomer"], "ms");
                Row(name, "  entities read per customer", size["planning"]!["entitiesPerCustomer"]);
                Row(name, "  agrees with the oracle", size["planning"]!["agreesWithOracle"]);
                Row(name, "  before (whole history read)", size["planning"]!["before"]!["entitiesPerCustomer"], "entities per customer");
                var estimated = size["oneDay"]!["estimated"]!.GetValue<bool>() ? " (estimated from the sample)" : string.Empty;
                Row(name, "one day's planning" + estimated, size["oneDay"]!["ms"], "ms");
                Row(name, "  entities read" + estimated, size["oneDay"]!["entitiesRead"]);
                Row(name, "  entities read / reminder due", size["oneDay"]!["entitiesPerReminderDue"]);
                Row(name, "  before (whole history read)", size["oneDay"]!["before"]!["entitiesPerReminderDue"], "entities / reminder due");
                Row(name, "Azurite: one partition query", size["azuritePartitionQueryMs"], "ms");
            }

            var send = results["send"]!;
            Row("send the day", "reminders due", send["remindersDue"]);
            Row("send the day", "sent", send["sent"]);
            Row("send the day", "send time", send["sendSeconds"], "s");
            Row("send the day", "rate", send["ratePerSecond"], "/s");
            Row("send the day", "429s", send["throttled429"]);
            Row("send the day", "duplicates", send["duplicates"]);
            Row("send the day", "missing / unexpected", JsonValue.Create($"{send["missing"]} / {send["unexpected"]}"));
            Row("send the day", "every due sent exactly once", send["everyDueSentExactlyOnce"]);
            Row("send the day", "binding limit", send["bindingLimit"]);
        }

        foreach (var run in results["tenantCeiling"]!.AsArray())
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"tenant ceiling, {run!["instances"]} x {run["perInstanceCeilingPerSecond"]}/s, margin {run["margin"]} ms");
            Row(name, "tenants x people", JsonValue.Create($"{run["tenants"]} x {run["contactsPerTenant"]}"));
            Row(name, "sent / due", JsonValue.Create($"{run["sent"]} / {run["remindersDue"]}"));
            Row(name, "send time", run["sendSeconds"], "s");
            Row(name, "rate per tenant", run["perTenantRatePerSecond"], "/s");
            Row(name, "enforced ceiling (Teams, per tenant)", run["enforcedCeilingPerSecond"], "/s");
            Row(name, "rate / enforced ceiling", run["rateOverEnforcedCeiling"]);
            Row(name, "app's effective ceiling", run["appEffectiveCeilingPerSecond"], "/s");
            Row(name, "rate / app's effective ceiling", run["rateOverAppEffectiveCeiling"]);
            Row(name, "429s", run["throttled429"]);
            Row(name, "duplicates", run["duplicates"]);
            Row(name, "every due sent exactly once", run["everyDueSentExactlyOnce"]);
        }

        Row("run", "wall time", results["wallSeconds"], "s");

        var sectionWidth = rows.Max(r => r.Section.Length);
        var figureWidth = rows.Max(r => r.Figure.Length);
        string? last = null;
        foreach (var (section, figure, value) in rows)
        {
            output.WriteLine($"{(section == last ? string.Empty : section).PadRight(sectionWidth)}  {figure.PadRight(figureWidth)}  {value}");
            last = section;
        }
    }

    private static string Format(JsonNode? value) => value switch
    {
        null => "-",
        JsonValue v when v.TryGetValue<long>(out var n) => n.ToString("N0", CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<double>(out var d) => d.ToString("0.###", CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
