using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>An input whose value is sent, under its id, with Action.Submit or Action.Execute.</summary>
public abstract record AdaptiveInput : AdaptiveElement
{
    /// <summary>The key of the input's value in the submitted data.</summary>
    [JsonPropertyName("id")] public override required string? Id { get => base.Id; init => base.Id = value; }

    /// <summary>Shown above the input; Teams requires one on a required input for accessibility.</summary>
    [JsonPropertyName("label")] public string? Label { get; init; }

    [JsonPropertyName("isRequired")] public bool? IsRequired { get; init; }

    /// <summary>Shown when the value is missing or invalid.</summary>
    [JsonPropertyName("errorMessage")] public string? ErrorMessage { get; init; }
}
