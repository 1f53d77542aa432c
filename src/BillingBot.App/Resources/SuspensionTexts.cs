using System.Globalization;
using System.Resources;

namespace BillingBot.App.Resources;

/// <summary>
/// The texts of suspensions in one language, from SuspensionTexts.resx and SuspensionTexts.pl.resx: the approval card
/// and notices in the agents' channel, and what the customer is told. A missing text throws rather than show a key.
/// </summary>
public sealed class SuspensionTexts
{
    private static readonly ResourceManager Manager = new("BillingBot.App.Resources.SuspensionTexts", typeof(SuspensionTexts).Assembly);

    private SuspensionTexts(CultureInfo culture) => Culture = culture;

    public CultureInfo Culture { get; }

    public static SuspensionTexts For(CultureInfo culture) => new(culture);

    public string this[string name] =>
        Manager.GetString(name, Culture) ?? throw new MissingManifestResourceException($"The text '{name}' is missing.");

    public string Format(string name, params object?[] args) => string.Format(Culture, this[name], args);
}
