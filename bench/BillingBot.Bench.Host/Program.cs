using BillingBot.App.Commands;
using BillingBot.App.Commands.Seed;

namespace BillingBot.Bench.Host;

/// <summary>
/// The bot under benchmark. Settings come from the environment as in production (ConnectionStrings__Storage,
/// MicrosoftAppId, ...); the arguments choose what the benchmark varies:
/// <c>--port n</c> (127.0.0.1), <c>--state tables|memory</c> (where ConversationState and UserState live),
/// <c>--static-token</c> (outbound calls carry a fixed token: no Entra here), <c>--seed</c> (the demo data first),
/// <c>--tenants n</c> (with --seed: n copies of the Playground customer, each in a tenant of its own).
/// Prints "ready &lt;url&gt;" once it listens; exits when its standard input closes.
/// </summary>
public static class BenchHostProgram
{
    public static async Task<int> Main(string[] args)
    {
        var options = HostArguments.Parse(args);
        // The app's content root (its appsettings.json) is its source folder, found above this program as the tests find it.
        const string contentRoot = "ASPNETCORE_TEST_CONTENTROOT_BILLINGBOT_APP";
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(contentRoot)))
        {
            Environment.SetEnvironmentVariable(contentRoot, AppSource());
        }

        await using var factory = new BenchBotFactory(options);
        var baseAddress = factory.Start();

        if (options.Seed)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var seed = ActivatorUtilities.CreateInstance<SeedCommand>(scope.ServiceProvider);
            using var output = new StringWriter();
            if (await seed.RunAsync([], new CommandConsole(output, output), CancellationToken.None) != 0)
            {
                await Console.Error.WriteLineAsync(output.ToString());
                return 1;
            }

            await BenchTenants.SeedAsync(scope.ServiceProvider, options.Tenants, CancellationToken.None);
        }

        // Ready when the understanding model is trained, as the app's warm-up does before real traffic: the first
        // measured turns must not share the CPU with training.
        await factory.Services.GetRequiredService<BillingBot.Understanding.IntentRecognizer>().WarmUpAsync(CancellationToken.None);
        Console.WriteLine($"ready {baseAddress}");
        await Console.In.ReadToEndAsync();
        return 0;
    }

    private static string AppSource()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var app = Path.Combine(dir.FullName, "src", "BillingBot.App");
            if (File.Exists(Path.Combine(app, "appsettings.json")))
            {
                return app;
            }
        }

        throw new InvalidOperationException("src/BillingBot.App not found above " + AppContext.BaseDirectory);
    }
}
