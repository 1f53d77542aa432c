using BillingBot.App.Commands;
using BillingBot.App.Commands.Import;
using BillingBot.App.Commands.Seed;
using BillingBot.App.Hosting;
using BillingBot.Understanding.Command;
using BillingBot.Storage;

// `dotnet run -- understand "text"` prints JSON and nothing else on stdout, so it runs before any host can log there.
if (args.FirstOrDefault() == UnderstandCommand.Name)
{
    return await UnderstandCommandLine.RunAsync(args[1..]);
}

// `dotnet run -- seed`, `dotnet run -- import file.csv`: admin commands run instead of the bot.
var commands = new CommandRouter()
    .Add<SeedCommand>("seed")
    .Add<ImportCommand>("import")
    .Add<BillingBot.App.Commands.Reminders.RemindersCommand>("reminders")
    .Add<BillingBot.App.Commands.Package.PackageCommand>("package");

// A command's arguments are its own; settings then come from appsettings and the environment only.
// Commands run from a developer's shell: without an environment named, they use Development (Azurite).
var isCommand = commands.Handles(args);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = isCommand ? [] : args,
    EnvironmentName = isCommand && EnvironmentIsUnset() ? Environments.Development : null,
});
builder.Services.AddTableStorage(builder.Configuration);
builder.Services.AddBillingBot(builder.Configuration, builder.Environment);
if (!isCommand)
{
    builder.Services.AddBillingBotTelemetry(builder.Configuration);
}

// Local runs listen on the Bot Framework's customary port; hosts such as App Service set their own.
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
{
    builder.WebHost.UseUrls("http://localhost:3978");
}

var app = builder.Build();

if (isCommand)
{
    return await commands.RunOnConsoleAsync(app.Services, args);
}

app.MapBotEndpoints();
await app.RunAsync();
return 0;

static bool EnvironmentIsUnset() =>
    string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"))
    && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT"));

/// <summary>The entry point, visible to the functional tests.</summary>
public partial class Program;
