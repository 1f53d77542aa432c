using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BillingBot.Protocol.Cards;

/// <summary>Registers the card serializer and its options (section-less: configure AdaptiveCardOptions as you like).</summary>
public static class CardServiceCollectionExtensions
{
    public static IServiceCollection AddAdaptiveCards(this IServiceCollection services)
    {
        services.AddOptions<AdaptiveCardOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<AdaptiveCardSerializer>();
        return services;
    }
}
