using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>
/// The data of an Action.Submit that Teams should treat as a Bot Framework card action
/// ({"msteams": {...}}), for example a button that posts visible text as the user (imBack).
/// </summary>
public sealed record TeamsSubmitData
{
    [JsonPropertyName("msteams")] public required TeamsCardAction MsTeams { get; init; }

    /// <summary>Data whose click posts <paramref name="text"/> to the chat as the user.</summary>
    public static TeamsSubmitData ImBack(string text) =>
        new() { MsTeams = new TeamsCardAction { Type = TeamsCardActionType.ImBack, Value = text } };

    /// <summary>Data whose click sends <paramref name="text"/> and <paramref name="value"/> to the bot and shows <paramref name="displayText"/> in the chat.</summary>
    public static TeamsSubmitData MessageBack(string? text, object? value, string? displayText = null) => new()
    {
        MsTeams = new TeamsCardAction { Type = TeamsCardActionType.MessageBack, Text = text, Value = value, DisplayText = displayText },
    };
}
