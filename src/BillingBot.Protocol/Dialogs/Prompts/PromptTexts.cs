using System.Globalization;
using System.Resources;

namespace BillingBot.Protocol.Dialogs;

/// <summary>The prompts' own texts in English and Polish (PromptTexts.resx, PromptTexts.pl.resx): default buttons and retries.</summary>
internal static class PromptTexts
{
    public const string Yes = "Yes";
    public const string No = "No";
    public const string InlineSeparator = "InlineSeparator";
    public const string InlineOr = "InlineOr";
    public const string InlineOrMore = "InlineOrMore";
    public const string RetryText = "RetryText";
    public const string RetryNumber = "RetryNumber";
    public const string RetryConfirm = "RetryConfirm";
    public const string RetryChoice = "RetryChoice";
    public const string RetryDate = "RetryDate";

    private static readonly ResourceManager Manager = new(typeof(PromptTexts).FullName!, typeof(PromptTexts).Assembly);

    public static string Get(CultureInfo culture, string name) =>
        Manager.GetString(name, culture) ?? throw new MissingManifestResourceException($"The prompt text '{name}' is missing.");

    /// <summary>A retry text around the original question ({0}); without a question, the retry text alone.</summary>
    public static string Retry(CultureInfo culture, string name, string? question) =>
        string.Format(culture, Get(culture, name), question ?? string.Empty).Trim();
}
