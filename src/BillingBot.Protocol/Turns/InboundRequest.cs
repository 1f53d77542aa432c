using System.Net;

namespace BillingBot.Protocol.Turns;

/// <summary>What the adapter needs of an HTTP request to /api/messages; it keeps the protocol free of a web framework.</summary>
public sealed record InboundRequest(string? Authorization, string? ContentType, long? ContentLength, IPAddress? RemoteIpAddress, Stream Body);
