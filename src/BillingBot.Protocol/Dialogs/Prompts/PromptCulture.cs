using System.Globalization;
using BillingBot.Protocol.Schema;

namespace BillingBot.Protocol.Dialogs;

/// <summary>The culture a prompt recognizes and speaks in: the activity's locale, else the client's, else the prompt's default.</summary>
internal static class PromptCulture
{
    private const string Fallback = "en-US";

    public static CultureInfo For(Activity activity, string? defaultLocale)
    {
        var locale = activity.Locale
            ?? activity.Entities?.FirstOrDefault(e => e.Type == Entity.ClientInfoType)?.Locale
            ?? defaultLocale
            ?? Fallback;
        try
        {
            return CultureInfo.GetCultureInfo(locale);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.GetCultureInfo(defaultLocale ?? Fallback);
        }
    }
}
