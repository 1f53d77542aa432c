using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BillingBot.App.Commands.Seed;

namespace BillingBot.EndToEnd.Tests.Stack;

/// <summary>
/// How the suite runs the built app (BillingBot.App.dll from the test output, as `dotnet BillingBot.App.dll`): the
/// settings of a local run like tools/run.sh's, plus the few that make the scenarios independent of the clock.
/// </summary>
internal static class BotLaunch
{
    /// <summary>The partner's name, set here so the scenarios know what the bot calls itself.</summary>
    public const string PartnerName = "Contoso Cloud";

    /// <summary>The Playground's one user: the demo customer's primary contact, and the partner's staff in the team channel.</summary>
    public const string StaffName = "Alex Wilber";

    public static string AppDll { get; } = Path.Combine(AppContext.BaseDirectory, "BillingBot.App.dll");

    // Settings a developer's shell may hold that would send the bot's telemetry somewhere or point it elsewhere.
    private static readonly string[] NotInherited = ["APPLICATIONINSIGHTS_", "AzureMonitor__", "ConnectionStrings__", "Storage__", "ASPNETCORE_URLS"];

    // Waits for the end of its input (the test host holds the pipe), then stops the app: a bot left behind by a test
    // host that died would keep its port and keep sweeping reminders. `wait` makes the app's exit code ours.
    private const string ExitWithParent = """
        "$@" </dev/null & app=$!
        { cat >/dev/null; kill "$app" 2>/dev/null; } <&0 &
        wait "$app"
        """;

    /// <summary>The environment of the bot and of its commands (`seed`, `reminders --dry-run`), which must agree.</summary>
    public static IReadOnlyDictionary<string, string?> Settings(string storageConnectionString)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__Storage"] = storageConnectionString,

            // The local dev mode: no app id, unauthenticated requests from loopback (the Playground sends no token).
            ["MicrosoftAppId"] = string.Empty,
            ["Bot__PartnerName"] = PartnerName,

            // As tools/run.sh: the Playground's user is the partner's staff, with every role, in the team channel.
            ["Staff__Members__0__ObjectId"] = DemoData.PlaygroundUserObjectId,
            ["Staff__Members__0__Name"] = StaffName,
            ["Staff__Members__0__Roles__0"] = "SupportAgent",
            ["Staff__Members__0__Roles__1"] = "BillingAdmin",
            ["Staff__Members__0__Roles__2"] = "SalesAgent",
            ["Staff__Members__0__Roles__3"] = "UserManagementAdmin",

            // A person is offered after two misunderstood messages (the app's default, stated because a scenario counts on it).
            ["Conversations__MissesBeforeOfferingPerson"] = "2",

            // The scheduler sweeps every few seconds and may deliver at any hour of any day, so the reminders due
            // today arrive within seconds of the demo data (see PlaygroundStack for the order of things).
            ["Reminders__Interval"] = "00:00:03",
            ["Collections__DeliveryWindowStart"] = "00:00",
            ["Collections__DeliveryWindowEnd"] = "23:59",

            // The demo data always holds an invoice 40 days overdue, past the default suspension day (30): its
            // approval request would be posted to the agents' channel on the first sweep after the hand-off
            // scenario picks one, in the middle of that scenario. Later suspension days keep the channel to it.
            ["Collections__SuspensionWarningDays"] = "50",
            ["Collections__SuspensionAfterDays"] = "60",

            // Support is open around the clock, so a request for a person is a live hand-off at any hour.
            ["Support__Hours__0__Opens"] = "00:00",
            ["Support__Hours__0__Closes"] = "23:59",
        };

        var days = Enum.GetValues<DayOfWeek>();
        for (var i = 0; i < days.Length; i++)
        {
            var day = days[i].ToString();
            settings[$"Support__Hours__0__Days__{i}"] = day;
            settings[$"Collections__WorkingDays__{i}"] = day;
        }

        // Nor closed on the published holidays: each is replaced by a day long past.
        for (var i = 0; i < PublishedHolidays(); i++)
        {
            settings[$"Support__Holidays__{i}"] = new DateOnly(2000, 1, 1).AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return settings;
    }

    /// <summary>`dotnet BillingBot.App.dll --urls http://127.0.0.1:{port}`, stopping when the test host goes away.</summary>
    public static ProcessStartInfo Server(int port, IReadOnlyDictionary<string, string?> settings)
    {
        var start = StartInfo("bash", settings);
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(ExitWithParent);
        start.ArgumentList.Add("billingbot");
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(AppDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        return start;
    }

    /// <summary>A process in the test output folder (the app's content root, with its appsettings.json) with the settings.</summary>
    public static ProcessStartInfo StartInfo(string fileName, IReadOnlyDictionary<string, string?> settings)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = AppContext.BaseDirectory, UseShellExecute = false };
        foreach (var name in start.Environment.Keys.Where(n => NotInherited.Any(p => n.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>How many holidays the app's appsettings.json publishes (Support:Holidays).</summary>
    private static int PublishedHolidays()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")));
        return json.RootElement.TryGetProperty("Support", out var support) && support.TryGetProperty("Holidays", out var holidays)
            ? holidays.GetArrayLength()
            : 0;
    }
}
