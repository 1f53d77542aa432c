using System.Globalization;
using BillingBot.App.Bot;
using BillingBot.App.Resources;
using BillingBot.EndToEnd.Tests.Pages;
using BillingBot.TestKit.Azurite;
using Microsoft.Playwright;
using Xunit.Sdk;

namespace BillingBot.EndToEnd.Tests.Stack;

/// <summary>
/// Everything the scenarios run against, once for the whole class: Azurite with the demo data (seeded by the app's
/// `seed` command), the built bot as a process on a free loopback port, the Agents Playground in front of it, and one
/// headless Chromium driven by Playwright. The first page opened installs the app: it receives the welcome and then
/// the reminders the scheduler pushes, and is kept for the scenarios about them.
/// </summary>
public sealed class PlaygroundStack : IAsyncLifetime
{
    /// <summary>How long a person waits for the bot's answer before a scenario fails (the first answers train the model).</summary>
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The Chromium the suite drives; BILLINGBOT_E2E_CHROMIUM names another one.</summary>
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("BILLINGBOT_E2E_CHROMIUM") is { Length: > 0 } path
        ? path
        : "/usr/bin/chromium";

    private static readonly TimeSpan BotReadyTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan PlaygroundReadyTimeout = TimeSpan.FromMinutes(1);

    // The scheduler sweeps every 3 s (see BotLaunch); a minute covers a slow machine.
    private static readonly TimeSpan RemindersTimeout = TimeSpan.FromSeconds(60);

    private static readonly string[] ChromiumArguments =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly AzuriteFixture _azurite = new();
    private ServiceProcess? _bot;
    private ServiceProcess? _playground;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private PlaygroundPage? _installPage;
    private DemoFacts? _facts;
    private Uri? _playgroundUrl;

    public ArtifactFolder Artifacts { get; } = ArtifactFolder.Fresh();

    public DemoFacts Facts => _facts ?? throw NotStarted();

    public Uri PlaygroundUrl => _playgroundUrl ?? throw NotStarted();

    /// <summary>The page whose load installed the app: the welcome, then the reminders due today, are on it.</summary>
    public PlaygroundPage InstallPage => _installPage ?? throw NotStarted();

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout((float)AnswerTimeout.TotalMilliseconds);
        try
        {
            await StartAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_playground is not null)
        {
            await _playground.DisposeAsync();
        }

        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }

        await _azurite.DisposeAsync();
    }

    /// <summary>
    /// Runs a scenario on a new page (or on <paramref name="page"/>) and saves &lt;name&gt;.png of the final state,
    /// also when it fails; a failure names the screenshot and the bot's log.
    /// </summary>
    public async Task RunAsync(string name, Func<PlaygroundPage, Task> scenario, PlaygroundPage? page = null)
    {
        var own = page is null;
        page ??= await OpenPageAsync();
        var screenshot = Artifacts.File(name + ".png");
        try
        {
            await scenario(page);
            await page.ScreenshotAsync(screenshot, page.Subject);
        }
        catch (Exception ex)
        {
            await SaveFailureAsync(page, name, screenshot);
            throw new XunitException($"Scenario '{name}' failed; its screenshot is {screenshot}, the bot's log {_bot?.LogPath}.", ex);
        }
        finally
        {
            if (own)
            {
                await page.Page.Context.CloseAsync();
            }
        }
    }

    /// <summary>The reminder card of a due reminder: the card that names its invoice and offers "Remind me later".</summary>
    public static ILocator ReminderCard(PlaygroundPage page, DueReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(reminder);
        var texts = ReminderCardTexts.For(reminder.Language == "pl" ? BotCulture.Polish : BotCulture.English);
        return page.Card(reminder.InvoiceNumber).Filter(new() { Has = page.Button(texts["Action_Later"]) });
    }

    private async Task StartAsync()
    {
        var tools = await NodeTools.EnsureInstalledAsync(CancellationToken.None);
        await _azurite.StartAsync();
        var settings = BotLaunch.Settings(_azurite.ConnectionString);

        var ports = LoopbackPorts.Pick(2);
        var bot = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{ports[0]}/"));
        _playgroundUrl = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{ports[1]}/"));
        _bot = ServiceProcess.Start("The bot", BotLaunch.Server(ports[0], settings), Artifacts.File("bot.log"));
        _playground = ServiceProcess.Start(
            "The Agents Playground",
            PlaygroundLaunch.StartInfo(tools, ports[1], new Uri(bot, "api/messages"), Artifacts.Path),
            Artifacts.File("playground.log"));
        await Task.WhenAll(
            _bot.WaitUntilAnswersAsync(new Uri(bot, "healthz"), BotReadyTimeout),
            _playground.WaitUntilAnswersAsync(_playgroundUrl, PlaygroundReadyTimeout),
            LaunchBrowserAsync());

        // The app is installed (the page's load) before the demo data is loaded. The other way round, a sweep that
        // runs while the page installs the app can look for the user's chat a moment before the install stores it,
        // and open one of its own: Teams would return the user's personal chat, the Playground makes up a
        // conversation that no page shows, and the reminders go there. The welcome comes once the chat is stored.
        _installPage = await OpenPageAsync();
        await _installPage.BotMessages.First.WaitForAsync();

        await AppCommand.RunAsync(["seed"], settings);
        _facts = await DemoFacts.ReadAsync(_azurite.ConnectionString, DateTimeOffset.UtcNow, day =>
            AppCommand.RunAsync(["reminders", "--dry-run", "--date", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)], settings));
        await AwaitRemindersAsync(_installPage);
    }

    private async Task LaunchBrowserAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The end-to-end suite drives Chromium at {ChromiumPath}, which is missing. On Debian or Ubuntu: `sudo apt-get install -y chromium` "
                + "(.ci/run does it); elsewhere set BILLINGBOT_E2E_CHROMIUM to a Chromium or Chrome executable.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArguments });
    }

    private async Task<PlaygroundPage> OpenPageAsync()
    {
        var context = await _browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1100 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout((float)AnswerTimeout.TotalMilliseconds);
        var playground = new PlaygroundPage(page);
        await playground.OpenAsync(PlaygroundUrl);
        return playground;
    }

    /// <summary>
    /// Waits until the reminders due today are on the install page. The scheduler sends each once: waiting here keeps
    /// them off the other scenarios' pages (the Playground shows a message on every open page). Whether they came is
    /// the reminder scenario's to assert, so running out of time is not a failure here.
    /// </summary>
    private async Task AwaitRemindersAsync(PlaygroundPage page)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            foreach (var reminder in Facts.DueReminders)
            {
                var left = RemindersTimeout - clock.Elapsed;
                await ReminderCard(page, reminder).WaitForAsync(new() { Timeout = (float)Math.Max(1, left.TotalMilliseconds) });
            }
        }
        catch (TimeoutException)
        {
            // The reminder scenario waits again and fails with its own screenshot.
        }
    }

    /// <summary>The screenshot and the page's HTML of a failed scenario; a page too broken for them does not hide the failure.</summary>
    private async Task SaveFailureAsync(PlaygroundPage page, string name, string screenshot)
    {
        try
        {
            await page.ScreenshotAsync(screenshot, page.Subject);
            await File.WriteAllTextAsync(Artifacts.File(name + ".html"), await page.Page.ContentAsync());
        }
        catch (PlaywrightException)
        {
        }
        catch (TimeoutException)
        {
        }
    }

    private static InvalidOperationException NotStarted() => new("The stack has not been started.");
}
