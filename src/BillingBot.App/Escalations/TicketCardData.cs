using System.Text.Json.Serialization;

namespace BillingBot.App.Escalations;

/// <summary>What the ticket cards' actions carry back: the customer's tenant and the ticket number, {"tenant":"…","ticket":"…"}.</summary>
public sealed record TicketCardData(
    [property: JsonPropertyName("tenant")] string TenantId,
    [property: JsonPropertyName("ticket")] string Number)
{
    public const string TenantField = "tenant";
    public const string TicketField = "ticket";
}
