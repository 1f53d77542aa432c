using System.Text.Json.Serialization;
using BillingBot.Protocol.Dialogs.Choices;
using BillingBot.Protocol.Schema;

namespace BillingBot.Protocol.Dialogs;

/// <summary>What a prompt asks and how. Saved with the prompt between turns, so everything in it must survive JSON.</summary>
public sealed class PromptOptions
{
    /// <summary>The question.</summary>
    [JsonPropertyName("prompt")] public Activity? Prompt { get; set; }

    /// <summary>What to send after an answer that did not fit; without it the prompt's localized retry text wraps <see cref="Prompt"/>.</summary>
    [JsonPropertyName("retryPrompt")] public Activity? RetryPrompt { get; set; }

    /// <summary>The options of a choice prompt.</summary>
    [JsonPropertyName("choices")] public IList<Choice>? Choices { get; set; }

    /// <summary>How to show the choices; the prompt's own style when null.</summary>
    [JsonPropertyName("style")] public ListStyle? Style { get; set; }

    /// <summary>Anything a validator needs (a range, a list); a JsonElement after the first turn.</summary>
    [JsonPropertyName("validations")] public object? Validations { get; set; }

    /// <summary>
    /// How many answers the user may give before the prompt gives up; null is no limit. When they are used up the
    /// prompt ends with a <see cref="PromptAttemptsExhausted"/> result instead of a value, and sends nothing more.
    /// </summary>
    [JsonPropertyName("maxAttempts")] public int? MaxAttempts { get; set; }
}
