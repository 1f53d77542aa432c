using System.Globalization;
using System.Resources;

namespace BillingBot.App.Resources;

/// <summary>
/// The texts of the billing conversations in one language, from BillingTexts.resx and BillingTexts.pl.resx.
/// A missing text is a bug, so it throws rather than showing a key to a customer.
/// </summary>
public sealed class BillingTexts
{
    private static readonly ResourceManager Manager = new("BillingBot.App.Resources.BillingTexts", typeof(BillingTexts).Assembly);

    private BillingTexts(CultureInfo culture) => Culture = culture;

    public CultureInfo Culture { get; }

    public static BillingTexts For(CultureInfo culture) => new(culture);

    public string this[string name] =>
        Manager.GetString(name, Culture) ?? throw new MissingManifestResourceException($"The text '{name}' is missing.");

    public string Format(string name, params object?[] args) => string.Format(Culture, this[name], args);
}
