using System.Globalization;
using System.Text.RegularExpressions;

namespace BillingBot.Recognizers;

/// <summary>
/// Reads yes or no from a chat reply in Polish or English ("tak", "jasne", "pewnie", "nie", "yes", "sure", "nope",
/// "👍"), with or without diacritics. Phrases beat single words ("not sure", "no tak", "of course not"); a reply with
/// both a yes and a no, or with neither, is null. Polish colloquial "no" means "well"/"yeah", so on its own it is null
/// for a Polish culture and "no" for an English one.
/// </summary>
public static class BooleanRecognizer
{
    private static readonly (string Class, string Phrases)[] Vocabulary =
    [
        ("yes", "yes|yeah|yea|yep|yup|ya|sure|ok|okay|okey|okej|oki|kk|alright|all right|of course|certainly|correct|right|absolutely|definitely|indeed|affirmative|confirm|confirmed|agreed|agree|go ahead|do it|fine|sounds good|that's right|thats right|please do|yes please"),
        ("yes", "tak|jasne|pewnie|pewno|oczywiscie|dobrze|dobra|zgoda|potwierdzam|zgadza sie|owszem|spoko|git|no tak|tak jest|jak najbardziej|no jasne|no pewnie|naturalnie|zdecydowanie|poprosze|chetnie|chyba tak|raczej tak|ano"),
        ("yes", "👍|✅|✔|✔️|👌"),
        ("no", "nope|nah|not|never|negative|no thanks|no thank you|don't|dont|do not|not now|not really|of course not|absolutely not|definitely not|certainly not|no way|i don't think so|i dont think so"),
        ("no", "nie|nie dziekuje|nie teraz|nigdy|raczej nie|chyba nie|absolutnie nie|zdecydowanie nie|no nie|w zadnym wypadku|oczywiscie ze nie|nie chce|nie trzeba"),
        ("no", "👎|❌|✖"),
        ("unsure", "not sure|maybe|perhaps|i don't know|i dont know|don't know|dont know|idk|nie wiem|moze|chyba|nie jestem pewien|nie jestem pewna|nie jestem pewny|hmm"),
    ];

    private static readonly Regex Phrases = new(
        @"(?<![\p{L}\p{N}])(?:" + string.Join('|', Vocabulary
            .SelectMany(v => v.Phrases.Split('|').Select(p => (v.Class, Phrase: p)))
            .OrderByDescending(p => p.Phrase.Length)
            .Select(p => $"(?<{p.Class}>{Regex.Escape(p.Phrase).Replace(@"\ ", @"[\s,]+", StringComparison.Ordinal)})"))
        + @")(?![\p{L}\p{N}])",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        TimeSpan.FromSeconds(1));

    private static readonly Regex LoneNo = new(@"(?<![\p{L}\p{N}])no(?![\p{L}\p{N}])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>True for yes, false for no, null when the reply says neither or both.</summary>
    public static bool? Recognize(string text, CultureInfo culture)
    {
        try
        {
            return RecognizeCore(text, culture);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological message must not fail the turn: it is understood without this kind of entity.
            return null;
        }
    }

    private static bool? RecognizeCore(string text, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(culture);
        var folded = TextFolding.Fold(text).Trim();
        switch (folded.TrimEnd('.', '!'))
        {
            case "y" or "t":
                return true;
            case "n":
                return false;
        }

        var yes = false;
        var no = false;
        var masked = folded.ToCharArray();
        foreach (Match match in Phrases.Matches(folded))
        {
            yes |= match.Groups["yes"].Success;
            no |= match.Groups["no"].Success;
            Array.Fill(masked, ' ', match.Index, match.Length);
        }

        // "no" left over once the phrases are taken ("no tak", "no thanks" are phrases) is English "no" or Polish "well".
        if (!culture.TwoLetterISOLanguageName.Equals("pl", StringComparison.OrdinalIgnoreCase) && LoneNo.IsMatch(new string(masked)))
        {
            no = true;
        }

        return yes == no ? null : yes;
    }
}
