using System.Globalization;
using System.Text;
using BillingBot.Protocol.Schema;

namespace BillingBot.Protocol.Dialogs.Choices;

/// <summary>Builds the message that offers choices, in a given <see cref="ListStyle"/> or the best one for the channel.</summary>
public static class ChoiceFactory
{
    public const string TeamsChannelId = "msteams";

    // Above this length suggested-action buttons are cut off in most clients.
    private const int MaxSuggestedActionTitle = 20;

    // Inline text stays readable while the whole sentence of choices is short.
    private const int MaxInlineLength = 60;

    private static readonly HashSet<string> SuggestedActionChannels = new(StringComparer.OrdinalIgnoreCase)
    {
        "webchat", "directline", "emulator", "test",
    };

    /// <summary>The message in <paramref name="style"/>, or, for <see cref="ListStyle.Auto"/>, in the best style for the channel.</summary>
    public static Activity Create(ListStyle style, string? channelId, IList<Choice> choices, string? text, ChoiceFactoryOptions options) => style switch
    {
        ListStyle.None => MessageWithText(text),
        ListStyle.Inline => Inline(choices, text, options),
        ListStyle.List => List(choices, text, options),
        ListStyle.SuggestedAction => SuggestedAction(choices, text),
        ListStyle.HeroCard => HeroCard(choices, text),
        _ => ForChannel(channelId, choices, text, options),
    };

    /// <summary>
    /// Teams gets a hero card (its suggested actions show in personal chats only); channels that show suggested
    /// actions everywhere get them when the titles are short; other channels get inline text, or a list when long.
    /// </summary>
    public static Activity ForChannel(string? channelId, IList<Choice> choices, string? text, ChoiceFactoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (string.Equals(channelId, TeamsChannelId, StringComparison.OrdinalIgnoreCase))
        {
            return HeroCard(choices, text);
        }

        if (channelId is not null && SuggestedActionChannels.Contains(channelId) && choices.All(c => TitleOf(c).Length <= MaxSuggestedActionTitle))
        {
            return SuggestedAction(choices, text);
        }

        return choices.Sum(c => TitleOf(c).Length + 4) <= MaxInlineLength ? Inline(choices, text, options) : List(choices, text, options);
    }

    /// <summary>"text 1. A, 2. B or 3. C".</summary>
    public static Activity Inline(IList<Choice> choices, string? text, ChoiceFactoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(options);
        var builder = new StringBuilder(text);
        if (builder.Length > 0)
        {
            builder.Append(' ');
        }

        for (var i = 0; i < choices.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(i < choices.Count - 1 ? options.InlineSeparator : choices.Count == 2 ? options.InlineOr : options.InlineOrMore);
            }

            builder.Append(Label(choices[i], i, options));
        }

        return MessageWithText(builder.ToString());
    }

    /// <summary>The text followed by one numbered line per choice.</summary>
    public static Activity List(IList<Choice> choices, string? text, ChoiceFactoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(options);
        var lines = choices.Select((c, i) => (options.IncludeNumbers ? string.Empty : "- ") + Label(c, i, options));
        var message = MessageWithText(string.Join("\n\n", new[] { text }.Where(t => !string.IsNullOrEmpty(t)).Concat(lines)));
        message.TextFormat = "markdown";
        return message;
    }

    /// <summary>The text with one suggested action (imBack) per choice.</summary>
    public static Activity SuggestedAction(IList<Choice> choices, string? text)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var message = MessageWithText(text);
        message.SuggestedActions = new SuggestedActions { Actions = ToActions(choices) };
        return message;
    }

    /// <summary>A hero card holding the text and one imBack button per choice.</summary>
    public static Activity HeroCard(IList<Choice> choices, string? text)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var card = new HeroCard { Text = text, Buttons = ToActions(choices) };
        return new Activity { Type = ActivityTypes.Message, Attachments = [card.ToAttachment()], InputHint = InputHints.ExpectingInput };
    }

    /// <summary>Each choice's own action, or an imBack that sends its value.</summary>
    public static IList<CardAction> ToActions(IEnumerable<Choice> choices) =>
        choices.Select(c => c.Action ?? new CardAction(ActionTypes.ImBack, c.Value, c.Value)).ToList();

    private static string TitleOf(Choice choice) => choice.Action?.Title ?? choice.Value;

    private static string Label(Choice choice, int index, ChoiceFactoryOptions options) =>
        options.IncludeNumbers ? string.Create(CultureInfo.InvariantCulture, $"{index + 1}. {TitleOf(choice)}") : TitleOf(choice);

    private static Activity MessageWithText(string? text) =>
        new() { Type = ActivityTypes.Message, Text = text, TextFormat = "plain", InputHint = InputHints.ExpectingInput };
}
