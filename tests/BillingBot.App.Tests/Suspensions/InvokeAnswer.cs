using System.Net;
using System.Text.Json.Nodes;
using BillingBot.Protocol.Cards;

namespace BillingBot.App.Tests.Suspensions;

/// <summary>The HTTP answer to an invoke: its status and body (the invoke response).</summary>
public sealed record InvokeAnswer(HttpStatusCode Status, JsonNode Body)
{
    public string Type => Body["type"]!.GetValue<string>();

    public AdaptiveCard Card => Type == AdaptiveCard.ContentType
        ? AdaptiveCardSerializer.Deserialize(Body["value"]!.ToJsonString())
        : throw new Xunit.Sdk.XunitException($"The invoke was answered with {Type}: {Body["value"]}");

    public string Message => Type == "application/vnd.microsoft.activity.message"
        ? Body["value"]!.GetValue<string>()
        : throw new Xunit.Sdk.XunitException($"The invoke was answered with {Type}, not a message.");
}
