using System.Text.Json.Serialization;
using BillingBot.Protocol.Schema;

namespace BillingBot.Protocol.Dialogs.Choices;

/// <summary>One option of a choice prompt: its value, an optional button of its own, and other words that pick it.</summary>
public sealed class Choice
{
    public Choice() { }

    public Choice(string value) => Value = value;

    /// <summary>What the prompt returns and, without an <see cref="Action"/>, the button's title and the text it sends.</summary>
    [JsonPropertyName("value")] public string Value { get; set; } = string.Empty;

    /// <summary>A button to show instead of the default imBack of <see cref="Value"/> (another title, for example).</summary>
    [JsonPropertyName("action")] public CardAction? Action { get; set; }

    /// <summary>Other words or phrases that pick this choice exactly.</summary>
    [JsonPropertyName("synonyms")] public IList<string>? Synonyms { get; set; }
}
