using BillingBot.Protocol.Cards;
using BillingBot.Protocol.Schema;

namespace BillingBot.App.Conversations.Actions;

/// <summary>
/// The invoke response of a Universal Action: the card that replaces the one clicked
/// (application/vnd.microsoft.card.adaptive), or a short message (application/vnd.microsoft.activity.message).
/// </summary>
public sealed record CardActionResult
{
    private CardActionResult(object body) => Body = body;

    public object Body { get; }

    public static CardActionResult Card(AdaptiveCard card) =>
        new(new Dictionary<string, object> { ["statusCode"] = 200, ["type"] = AdaptiveCard.ContentType, ["value"] = card });

    public static CardActionResult Message(string text) =>
        new(new Dictionary<string, object> { ["statusCode"] = 200, ["type"] = "application/vnd.microsoft.activity.message", ["value"] = text });

    public InvokeResponse ToInvokeResponse() => new(200, Body);
}
