using System.Text.Json;
using System.Text.Json.Serialization;
using BillingBot.App.Conversations.Actions;

namespace BillingBot.App.Reminders.Cards;

/// <summary>Which claim a button in the agents' channel decides: the customer's tenant, the invoice and who claimed.</summary>
public sealed record PaymentClaimCardData(
    [property: JsonPropertyName("tenant")] string Tenant,
    [property: JsonPropertyName("invoice")] string Invoice,
    [property: JsonPropertyName("by")] string By)
{
    public static PaymentClaimCardData? From(CardActionInvoke action)
    {
        if (action.Data.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        try
        {
            return action.Data.Deserialize<PaymentClaimCardData>() is { Tenant.Length: > 0, Invoice.Length: > 0, By.Length: > 0 } data ? data : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
