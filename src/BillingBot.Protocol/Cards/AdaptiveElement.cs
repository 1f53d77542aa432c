using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>An element of a card's body or of a container; "type" names the concrete element.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(AdaptiveTextBlock), AdaptiveTextBlock.TypeName)]
[JsonDerivedType(typeof(AdaptiveRichTextBlock), AdaptiveRichTextBlock.TypeName)]
[JsonDerivedType(typeof(AdaptiveFactSet), AdaptiveFactSet.TypeName)]
[JsonDerivedType(typeof(AdaptiveColumnSet), AdaptiveColumnSet.TypeName)]
[JsonDerivedType(typeof(AdaptiveContainer), AdaptiveContainer.TypeName)]
[JsonDerivedType(typeof(AdaptiveTable), AdaptiveTable.TypeName)]
[JsonDerivedType(typeof(AdaptiveImage), AdaptiveImage.TypeName)]
[JsonDerivedType(typeof(AdaptiveActionSet), AdaptiveActionSet.TypeName)]
[JsonDerivedType(typeof(AdaptiveTextInput), AdaptiveTextInput.TypeName)]
[JsonDerivedType(typeof(AdaptiveNumberInput), AdaptiveNumberInput.TypeName)]
[JsonDerivedType(typeof(AdaptiveDateInput), AdaptiveDateInput.TypeName)]
[JsonDerivedType(typeof(AdaptiveTimeInput), AdaptiveTimeInput.TypeName)]
[JsonDerivedType(typeof(AdaptiveToggleInput), AdaptiveToggleInput.TypeName)]
[JsonDerivedType(typeof(AdaptiveChoiceSetInput), AdaptiveChoiceSetInput.TypeName)]
public abstract record AdaptiveElement
{
    /// <summary>Unique in the card; an input's id names its value in the submitted data.</summary>
    [JsonPropertyName("id")] public virtual string? Id { get; init; }

    [JsonPropertyName("spacing")] public AdaptiveSpacing? Spacing { get; init; }

    /// <summary>Draws a line above the element.</summary>
    [JsonPropertyName("separator")] public bool? Separator { get; init; }

    /// <summary>False hides the element until an action shows it.</summary>
    [JsonPropertyName("isVisible")] public bool? IsVisible { get; init; }

    [JsonPropertyName("height")] public AdaptiveHeight? Height { get; init; }
}
