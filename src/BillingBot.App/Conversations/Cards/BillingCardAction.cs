using System.Text.Json;
using System.Text.Json.Serialization;

namespace BillingBot.App.Conversations.Cards;

/// <summary>
/// What a button on one of our cards asks for, as carried in Action.Submit data: {"action":"showInvoice","invoice":"FV/2026/10/017"}.
/// </summary>
public sealed record BillingCardAction(
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("invoice"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Invoice = null,
    [property: JsonPropertyName("reason"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null)
{
    /// <summary>The reason of a "talk to a person" button offered because the bot did not understand twice.</summary>
    public const string NotUnderstoodReason = "notUnderstood";

    public const string ShowInvoice = "showInvoice";
    public const string HowToPay = "howToPay";
    public const string CollectionPolicy = "collectionPolicy";
    public const string ListInvoices = "listInvoices";
    public const string TalkToPerson = "talkToPerson";

    /// <summary>The action behind a submitted value, or null when the value is not one of ours (or is malformed).</summary>
    public static BillingCardAction? From(object? value)
    {
        if (value is not JsonElement { ValueKind: JsonValueKind.Object } element
            || !element.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var invoice = element.TryGetProperty("invoice", out var number) && number.ValueKind == JsonValueKind.String ? number.GetString() : null;
        var reason = element.TryGetProperty("reason", out var why) && why.ValueKind == JsonValueKind.String ? why.GetString() : null;
        return new BillingCardAction(action.GetString()!, invoice, reason);
    }
}
