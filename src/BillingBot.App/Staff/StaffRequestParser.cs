using System.Globalization;
using System.Text.RegularExpressions;
using BillingBot.App.Bot;
using BillingBot.Protocol.Schema;
using BillingBot.Recognizers;

namespace BillingBot.App.Staff;

/// <summary>
/// Reads a staff-management message: "staff", "staff add &lt;object id or @mention&gt; &lt;role&gt; [name]",
/// "staff remove &lt;object id or @mention&gt; [role]", or the same in Polish ("personel", "personel dodaj …",
/// "personel usuń …"). Matching ignores case and diacritics; the name keeps what was written.
/// </summary>
public static partial class StaffRequestParser
{
    /// <summary>The request, or null when the message is not a staff-management command.</summary>
    /// <param name="text">The message without the bot's @mention (other people's mentions stay as their names).</param>
    /// <param name="activity">The message, for its mentions.</param>
    public static StaffRequest? Parse(string text, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(activity);
        text = text.Trim();
        var folded = TextFolding.Fold(text);
        var words = Word().Matches(folded);
        if (words.Count == 0)
        {
            return null;
        }

        CultureInfo culture;
        switch (words[0].Value)
        {
            case "staff":
                culture = BotCulture.English;
                break;
            case "personel":
                culture = BotCulture.Polish;
                break;
            default:
                return null;
        }

        if (words.Count == 1 || (words.Count == 2 && words[1].Value is "list" or "lista"))
        {
            return new StaffRequest(StaffRequestKind.List, culture, null, null, null, null, null);
        }

        StaffRequestKind kind;
        switch (words[1].Value)
        {
            case "add" or "dodaj":
                kind = StaffRequestKind.Add;
                break;
            case "remove" or "usun":
                kind = StaffRequestKind.Remove;
                break;
            default:
                return null;
        }

        var rest = text[(words[1].Index + words[1].Length)..];
        var (objectId, mentioned, afterPerson) = Person(rest, activity);
        return Roles(kind, culture, objectId, mentioned, afterPerson.Trim());
    }

    /// <summary>Who the message is about: a person @mentioned in it (not the bot), else an object id written first.</summary>
    private static (string? ObjectId, ChannelAccount? Mentioned, string Remainder) Person(string rest, Activity activity)
    {
        var foldedRest = TextFolding.Fold(rest);
        foreach (var mention in activity.GetMentions())
        {
            if (mention.Mentioned is not { Id: { Length: > 0 } id } person || id == activity.Recipient?.Id)
            {
                continue;
            }

            // The text keeps the mentioned person's name where Teams had <at>name</at>.
            var shown = MentionTags.Replace(mention.Text ?? person.Name ?? string.Empty, name => name).Trim().TrimStart('@');
            var at = shown.Length == 0 ? -1 : foldedRest.IndexOf(TextFolding.Fold(shown), StringComparison.Ordinal);
            if (at >= 0)
            {
                return (null, person, rest[..at] + " " + rest[(at + shown.Length)..]);
            }
        }

        var first = Word().Match(foldedRest);
        return first.Success && Guid.TryParse(first.Value, out var objectId)
            ? (objectId.ToString(), null, rest[(first.Index + first.Length)..])
            : (null, null, rest);
    }

    private static StaffRequest Roles(StaffRequestKind kind, CultureInfo culture, string? objectId, ChannelAccount? mentioned, string rest)
    {
        if (rest.Length == 0)
        {
            return new StaffRequest(kind, culture, objectId, mentioned, null, null, null);
        }

        var words = WhiteSpace().Replace(TextFolding.Fold(rest).Replace('-', ' ').Replace('_', ' '), " ");
        if (!StaffRoleWords.TryMatchStart(words, out var role, out var length))
        {
            return new StaffRequest(kind, culture, objectId, mentioned, null, null, Word().Match(rest).Value);
        }

        // The role took the first words; what follows is the name, as written. Spaces were only ever collapsed, so
        // the name starts after as many words of the original as the role had.
        var roleWords = words[..length].Split(' ').Length;
        var original = Word().Matches(rest.Replace('-', ' ').Replace('_', ' '));
        var name = original.Count > roleWords ? rest[original[roleWords].Index..].Trim() : null;
        return new StaffRequest(kind, culture, objectId, mentioned, role, string.IsNullOrWhiteSpace(name) ? null : name, null);
    }

    [GeneratedRegex(@"\S+", RegexOptions.None, matchTimeoutMilliseconds: 200)]
    private static partial Regex Word();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 200)]
    private static partial Regex WhiteSpace();
}
