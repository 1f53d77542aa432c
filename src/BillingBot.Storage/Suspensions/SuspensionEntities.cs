using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using BillingBot.Billing.Suspensions;

namespace BillingBot.Storage.Suspensions;

/// <summary>Maps suspension cases, their audit events and access orders to table entities and back (no amounts are stored).</summary>
internal static class SuspensionEntities
{
    public static TableEntity From(SuspensionCase c) => new(SuspensionKeys.Partition(c.TenantId), SuspensionKeys.CaseRow(c.CaseId))
    {
        ["TenantId"] = c.TenantId,
        ["CaseId"] = c.CaseId,
        ["State"] = c.State.ToString(),
        ["InvoiceNumbers"] = JsonSerializer.Serialize(c.InvoiceNumbers),
        ["RequestedAt"] = c.RequestedAt,
        ["PostponedUntil"] = c.PostponedUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["ApprovalConversationId"] = c.ApprovalMessage?.ConversationId,
        ["ApprovalActivityId"] = c.ApprovalMessage?.ActivityId,
        ["SuspendOrderId"] = c.SuspendOrderId,
        ["RestoreOrderId"] = c.RestoreOrderId,
        ["CustomerToldOfSuspension"] = c.CustomerToldOfSuspension,
        ["CustomerToldOfRestore"] = c.CustomerToldOfRestore,
        ["EventCount"] = c.History.Count,
    };

    public static TableEntity From(string tenantId, string caseId, int sequence, SuspensionEvent e) =>
        new(SuspensionKeys.Partition(tenantId), SuspensionKeys.EventRow(caseId, sequence))
        {
            ["Kind"] = e.Kind.ToString(),
            ["At"] = e.At,
            ["ByObjectId"] = e.ByObjectId,
            ["ByName"] = e.ByName,
            ["Detail"] = e.Detail,
        };

    public static SuspensionCase ToCase(TableEntity entity, IEnumerable<TableEntity> events) => new()
    {
        TenantId = entity.GetString("TenantId"),
        CaseId = entity.GetString("CaseId"),
        State = Enum.Parse<SuspensionState>(entity.GetString("State")),
        InvoiceNumbers = JsonSerializer.Deserialize<List<string>>(entity.GetString("InvoiceNumbers") ?? "[]") ?? [],
        RequestedAt = entity.GetDateTimeOffset("RequestedAt") ?? DateTimeOffset.MinValue,
        PostponedUntil = entity.GetString("PostponedUntil") is { } until ? DateOnly.ParseExact(until, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        ApprovalMessage = entity.GetString("ApprovalConversationId") is { } conversation && entity.GetString("ApprovalActivityId") is { } activity
            ? new PostedMessage(conversation, activity)
            : null,
        SuspendOrderId = entity.GetString("SuspendOrderId"),
        RestoreOrderId = entity.GetString("RestoreOrderId"),
        CustomerToldOfSuspension = entity.GetBoolean("CustomerToldOfSuspension") ?? false,
        CustomerToldOfRestore = entity.GetBoolean("CustomerToldOfRestore") ?? false,
        History = [.. events.OrderBy(e => e.RowKey, StringComparer.Ordinal).Select(ToEvent)],
    };

    public static TableEntity From(AccessOrder order, IReadOnlyList<string> invoiceNumbers) =>
        new(SuspensionKeys.Partition(order.TenantId), SuspensionKeys.OrderRow(order.OrderId))
        {
            ["OrderId"] = order.OrderId,
            ["Kind"] = order.Kind.ToString(),
            ["TenantId"] = order.TenantId,
            ["CaseId"] = order.CaseId,
            ["RequestedBy"] = order.RequestedBy,
            ["RequestedAt"] = order.RequestedAt,
            ["Status"] = order.Status.ToString(),
            ["InvoiceNumbers"] = JsonSerializer.Serialize(invoiceNumbers),
        };

    public static AccessOrder ToOrder(TableEntity entity) => new(
        entity.GetString("OrderId"),
        Enum.Parse<AccessOrderKind>(entity.GetString("Kind")),
        entity.GetString("TenantId"),
        entity.GetString("CaseId"),
        entity.GetString("RequestedBy"),
        entity.GetDateTimeOffset("RequestedAt") ?? DateTimeOffset.MinValue,
        Enum.Parse<AccessOrderStatus>(entity.GetString("Status")));

    private static SuspensionEvent ToEvent(TableEntity entity) => new(
        Enum.Parse<SuspensionEventKind>(entity.GetString("Kind")),
        entity.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        entity.GetString("ByObjectId"),
        entity.GetString("ByName"),
        entity.GetString("Detail"));
}
