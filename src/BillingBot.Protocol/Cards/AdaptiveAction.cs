using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>A button of a card, an ActionSet or a ShowCard; "type" names the concrete action.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(AdaptiveSubmitAction), AdaptiveSubmitAction.TypeName)]
[JsonDerivedType(typeof(AdaptiveOpenUrlAction), AdaptiveOpenUrlAction.TypeName)]
[JsonDerivedType(typeof(AdaptiveShowCardAction), AdaptiveShowCardAction.TypeName)]
[JsonDerivedType(typeof(AdaptiveExecuteAction), AdaptiveExecuteAction.TypeName)]
public abstract record AdaptiveAction
{
    /// <summary>The button's label.</summary>
    [JsonPropertyName("title")] public string? Title { get; init; }

    /// <summary>An icon shown left of the title; Teams shows it on desktop and web.</summary>
    [JsonPropertyName("iconUrl")] public Uri? IconUrl { get; init; }

    [JsonPropertyName("id")] public string? Id { get; init; }

    [JsonPropertyName("style")] public AdaptiveActionStyle? Style { get; init; }

    /// <summary>Shown on hover and read by screen readers.</summary>
    [JsonPropertyName("tooltip")] public string? Tooltip { get; init; }

    [JsonPropertyName("isEnabled")] public bool? IsEnabled { get; init; }
}
