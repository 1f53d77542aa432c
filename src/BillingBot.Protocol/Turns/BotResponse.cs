namespace BillingBot.Protocol.Turns;

/// <summary>The HTTP answer to an inbound activity: a status and, for invokes, a JSON body.</summary>
public sealed record BotResponse(int StatusCode, object? Body = null);
