using BillingBot.App.Conversations.Cards;
using BillingBot.Billing.Understanding;
using BillingBot.Protocol.Turns;

namespace BillingBot.App.Conversations.Dialogs;

/// <summary>What this turn's message means and who sent it; understood once per turn, read by every dialog step.</summary>
public sealed record BillingTurn(Caller Caller, UtteranceUnderstanding? Understanding, BillingCardAction? CardAction)
{
    private const string Key = "BillingBot.BillingTurn";

    public void Attach(ITurnContext turnContext) => turnContext.TurnState[Key] = this;

    public static BillingTurn Of(ITurnContext turnContext) =>
        turnContext.TurnState.TryGetValue(Key, out var turn) && turn is BillingTurn billing
            ? billing
            : throw new InvalidOperationException("The billing dialog ran without the turn's understanding; the activity handler attaches it.");
}
