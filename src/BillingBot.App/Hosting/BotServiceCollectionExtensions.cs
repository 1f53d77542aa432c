using BillingBot.App.Bot;
using BillingBot.App.Escalations;
using BillingBot.App.Handoff;
using BillingBot.App.Reminders;
using BillingBot.App.Sales;
using BillingBot.App.Suspensions;
using BillingBot.Protocol.Authentication;
using BillingBot.Protocol.Connector;
using BillingBot.Protocol.State;
using BillingBot.Protocol.Turns;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Hosting;

/// <summary>Composes the protocol layer and the bot.</summary>
public static class BotServiceCollectionExtensions
{
    public static IServiceCollection AddBillingBot(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.TryAddSingleton(TimeProvider.System);

        // The four well-known keys sit at the root, as in every Bot Framework app; the rest under BotAuthentication.
        services.AddOptions<BotAuthenticationOptions>()
            .Bind(configuration.GetSection("BotAuthentication"))
            .Configure(o =>
            {
                o.MicrosoftAppId = configuration["MicrosoftAppId"];
                o.MicrosoftAppTenantId = configuration["MicrosoftAppTenantId"];
                if (Enum.TryParse<MicrosoftAppType>(configuration["MicrosoftAppType"], ignoreCase: true, out var type))
                {
                    o.MicrosoftAppType = type;
                }

                o.AllowUnauthenticatedLoopback = environment.IsDevelopment() && !o.HasAppId;
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotAuthenticationOptions>, BotAuthenticationOptionsValidator>();
        services.AddOptions<BotCredentialOptions>()
            .Bind(configuration.GetSection("BotAuthentication"))
            .Configure(o =>
            {
                o.MicrosoftAppPassword = configuration["MicrosoftAppPassword"];
                o.MicrosoftAppCertificatePath ??= configuration["MicrosoftAppCertificatePath"];
            });
        services.AddOptions<ConnectorTrustOptions>().Bind(configuration.GetSection("Connector"));
        services.AddOptions<ConnectorOptions>().Bind(configuration.GetSection("Connector"));
        services.AddOptions<BotAdapterOptions>().Bind(configuration.GetSection("Adapter"));
        services.AddOptions<BotOptions>().Bind(configuration.GetSection("Bot")).ValidateDataAnnotations().ValidateOnStart();

        services.AddHttpClient<OpenIdKeyCache>(client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<ChannelTokenValidator>();
        services.AddBotConnector();

        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        services.AddSingleton<BillingBot.Protocol.Turns.IMiddleware>(sp => new AutoSaveStateMiddleware(sp.GetRequiredService<ConversationState>(), sp.GetRequiredService<UserState>()));
        services.AddSingleton<ITurnErrorHandler, LocalizedTurnErrorHandler>();
        services.AddSingleton<BotAdapter>();
        services.AddSingleton<IBot, BillingActivityHandler>();
        services.AddBillingConversations(configuration);
        services.AddReminders(configuration);
        services.AddSuspensions(configuration);
        services.AddTickets(configuration);
        services.AddHandoff(configuration);
        services.AddSales(configuration);
        return services;
    }
}
