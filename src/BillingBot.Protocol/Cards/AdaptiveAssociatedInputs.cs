using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>Which inputs an Action.Submit or Action.Execute sends: those of its card (Auto) or none.</summary>
[JsonConverter(typeof(CardEnumConverter<AdaptiveAssociatedInputs>))]
public enum AdaptiveAssociatedInputs
{
    // The 1.5 schema spells these two capitalised, unlike every other enum it has.
    [JsonStringEnumMemberName("Auto")] Auto,
    [JsonStringEnumMemberName("None")] None,
}
