using System.Text.Json.Nodes;
using BillingBot.Protocol.Cards;

namespace BillingBot.Protocol.Tests.Cards;

/// <summary>Reads what the serializer writes, for assertions on the JSON shape.</summary>
internal static class CardJson
{
    public static JsonObject Of(AdaptiveCard card) => JsonNode.Parse(AdaptiveCardSerializer.Serialize(card))!.AsObject();

    /// <summary>The JSON of one element, written as the only element of a card's body.</summary>
    public static JsonObject OfElement(AdaptiveElement element) => Of(new AdaptiveCard { Body = [element] })["body"]![0]!.AsObject();

    /// <summary>The JSON of one action, written as the only action of a card.</summary>
    public static JsonObject OfAction(AdaptiveAction action) => Of(new AdaptiveCard { Actions = [action] })["actions"]![0]!.AsObject();

    public static void Equal(string expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"Expected {expected}{Environment.NewLine}but was  {actual.ToJsonString()}");
}
