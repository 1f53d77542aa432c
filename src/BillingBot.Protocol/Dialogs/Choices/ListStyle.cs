using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Dialogs.Choices;

/// <summary>How a prompt shows its choices. Saved with the prompt's options, by name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ListStyle>))]
public enum ListStyle
{
    /// <summary>Only the prompt text; the user types an answer.</summary>
    None,

    /// <summary>The best style for the channel: a hero card in Teams, suggested actions where they show everywhere, else text.</summary>
    Auto,

    /// <summary>The choices in the prompt's sentence: "1. A, 2. B or 3. C".</summary>
    Inline,

    /// <summary>A numbered list under the prompt.</summary>
    List,

    /// <summary>Suggested actions under the message; Teams shows them in personal chats only.</summary>
    SuggestedAction,

    /// <summary>A hero card with one imBack button per choice; Teams renders it in every scope.</summary>
    HeroCard,
}
