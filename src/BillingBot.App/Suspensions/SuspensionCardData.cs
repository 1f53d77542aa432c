using System.Text.Json.Serialization;

namespace BillingBot.App.Suspensions;

/// <summary>What the approval card's actions carry back: the customer's tenant and the case, {"tenant":"…","case":"…"}.</summary>
public sealed record SuspensionCardData(
    [property: JsonPropertyName("tenant")] string TenantId,
    [property: JsonPropertyName("case")] string CaseId)
{
    public const string TenantField = "tenant";
    public const string CaseField = "case";
}
