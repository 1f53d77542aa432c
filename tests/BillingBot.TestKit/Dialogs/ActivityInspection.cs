using System.Text.Json;
using BillingBot.Protocol.Schema;

namespace BillingBot.TestKit.Dialogs;

/// <summary>Reads what a user would see in a captured reply: its hero card, the button titles and what they send.</summary>
public static class ActivityInspection
{
    /// <summary>The reply's hero card, or null when it has none.</summary>
    public static HeroCard? HeroCard(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var attachment = activity.Attachments?.FirstOrDefault(a => a.ContentType == Protocol.Schema.HeroCard.ContentType);
        return attachment?.Content switch
        {
            null => null,
            HeroCard card => card,
            JsonElement json => json.Deserialize<HeroCard>(ProtocolJson.Options),
            var other => JsonSerializer.SerializeToElement(other, ProtocolJson.Options).Deserialize<HeroCard>(ProtocolJson.Options),
        };
    }

    /// <summary>The button titles of the hero card, or of the suggested actions.</summary>
    public static IReadOnlyList<string?> ButtonTitles(this Activity activity) =>
        (activity.HeroCard()?.Buttons ?? activity.SuggestedActions?.Actions ?? []).Select(b => b.Title).ToList();

    /// <summary>The text shown: the message text, else the hero card's text.</summary>
    public static string? ShownText(this Activity activity) => activity.Text ?? activity.HeroCard()?.Text;
}
