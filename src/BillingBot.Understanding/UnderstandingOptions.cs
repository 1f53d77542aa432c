using System.ComponentModel.DataAnnotations;
using BillingBot.Billing.Understanding;

namespace BillingBot.Understanding;

/// <summary>How sure the recognizer must be, and what it falls back to.</summary>
public sealed class UnderstandingOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Understanding";

    /// <summary>The confidence from which an intent is acted on without asking; strictly between 0 and 1.</summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true, MaximumIsExclusive = true)]
    public double ConfidenceThreshold { get; set; } = 0.5;

    /// <summary>How many intents a clarifying question may offer.</summary>
    [Range(1, 5)]
    public int TopIntentCount { get; set; } = 3;

    /// <summary>The language assumed when a message gives no clue ("ok", an invoice number alone).</summary>
    [AllowedValues(Languages.Polish, Languages.English)]
    public string FallbackLanguage { get; set; } = Languages.English;

    /// <summary>Throws a <see cref="ValidationException"/> naming the first invalid option.</summary>
    public void Validate() => Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
}
