using BillingBot.App.Bot;
using BillingBot.App.Conversations.Actions;
using BillingBot.Protocol.Turns;

namespace BillingBot.App.Staff;

/// <summary>
/// The welcome card's "Use this channel for hand-offs and approvals" (<see cref="AgentsChannelPicker.UseVerb"/>): a
/// pick replaces the card with what was decided; anything else is a message, and the card stays for someone who may pick.
/// </summary>
public sealed class UseChannelCardActions(AgentsChannelPicker picker) : ICardActionHandler
{
    public string VerbPrefix => AgentsChannelPicker.VerbPrefix;

    public async Task<CardActionResult> HandleAsync(ITurnContext turnContext, CardActionInvoke action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(action);
        var culture = BotCulture.For(turnContext.Activity);
        if (action.Verb != AgentsChannelPicker.UseVerb)
        {
            return CardActionResult.Message(picker.Answer(new ChannelPickOutcome(ChannelPickResult.NotAChannel, string.Empty), culture));
        }

        var outcome = await picker.PickAsync(turnContext.Activity, cancellationToken).ConfigureAwait(false);
        return outcome.Result == ChannelPickResult.Picked
            ? CardActionResult.Card(UseChannelCard.Picked(culture, outcome.ByName))
            : CardActionResult.Message(picker.Answer(outcome, culture));
    }
}
