using System.Globalization;

namespace BillingBot.Protocol.Dialogs.Choices;

/// <summary>The words that join choices written as text ("1. A, 2. B or 3. C"); <see cref="For"/> gives them in the user's language.</summary>
public sealed record ChoiceFactoryOptions
{
    public required string InlineSeparator { get; init; }

    /// <summary>Between the only two choices.</summary>
    public required string InlineOr { get; init; }

    /// <summary>Before the last of three or more choices.</summary>
    public required string InlineOrMore { get; init; }

    /// <summary>Whether to number the choices in text styles, so "2" picks the second.</summary>
    public bool IncludeNumbers { get; init; } = true;

    /// <summary>The joining words in <paramref name="culture"/>'s language (Polish or English).</summary>
    public static ChoiceFactoryOptions For(CultureInfo culture) => new()
    {
        InlineSeparator = PromptTexts.Get(culture, PromptTexts.InlineSeparator),
        InlineOr = PromptTexts.Get(culture, PromptTexts.InlineOr),
        InlineOrMore = PromptTexts.Get(culture, PromptTexts.InlineOrMore),
    };
}
