using System.Globalization;
using System.Resources;

namespace BillingBot.App.Resources;

/// <summary>
/// Texts of one resource file pair (English and Polish) in one language. A missing text is a bug, so it throws
/// rather than showing a key to a customer.
/// </summary>
public abstract class TextCatalog(ResourceManager manager, CultureInfo culture)
{
    public CultureInfo Culture { get; } = culture;

    public string this[string name] =>
        manager.GetString(name, Culture) ?? throw new MissingManifestResourceException($"The text '{name}' is missing.");

    public string Format(string name, params object?[] args) => string.Format(Culture, this[name], args);
}
