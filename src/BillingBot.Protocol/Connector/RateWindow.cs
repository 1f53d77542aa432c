namespace BillingBot.Protocol.Connector;

/// <summary>At most <paramref name="Limit"/> requests in any <paramref name="Window"/>.</summary>
public sealed record RateWindow(int Limit, TimeSpan Window);
