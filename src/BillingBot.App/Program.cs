using BillingBot.App.Commands;
using BillingBot.App.Hosting;
using BillingBot.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddTableStorage(builder.Configuration);
builder.Services.AddBillingBot(builder.Configuration, builder.Environment);

// Local runs listen on the Bot Framework's customary port; hosts such as App Service set their own.
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
{
    builder.WebHost.UseUrls("http://localhost:3978");
}

var app = builder.Build();

if (args.FirstOrDefault() is "seed")
{
    return await SeedCommand.RunAsync(app.Services, Console.Out, CancellationToken.None);
}

app.MapBotEndpoints();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the functional tests.</summary>
public partial class Program;
