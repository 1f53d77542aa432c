using System.Text.Json;
using Azure.Data.Tables;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Escalations;
using BillingBot.Billing.Suspensions;
using BillingBot.Storage.Handoff;

namespace BillingBot.Storage.Escalations;

/// <summary>Maps tickets, their audit events and their status index rows to table entities and back (no amounts are stored).</summary>
internal static class TicketEntities
{
    public static TableEntity From(Ticket t) => new(TicketKeys.Partition(t.TenantId), TicketKeys.TicketRow(t.Number))
    {
        ["TenantId"] = t.TenantId,
        ["Number"] = t.Number,
        ["Category"] = t.Category.ToString(),
        ["Severity"] = t.Severity.ToString(),
        ["Description"] = t.Description,
        ["InvoiceNumbers"] = JsonSerializer.Serialize([.. t.InvoiceNumbers], HandoffJson.Default.ListString),
        ["Plan"] = t.Plan.ToString(),
        ["OpenedByObjectId"] = t.OpenedByObjectId,
        ["OpenedAt"] = t.OpenedAt,
        ["ResponseDueBy"] = t.ResponseDueBy,
        ["Status"] = t.Status.ToString(),
        ["HandoffId"] = t.HandoffId,
        ["AssignedToObjectId"] = t.AssignedToObjectId,
        ["AssignedToName"] = t.AssignedToName,
        ["MicrosoftRoute"] = t.Microsoft?.Route.ToString(),
        ["MicrosoftCaseNumber"] = t.Microsoft?.CaseNumber,
        ["MicrosoftStatus"] = t.Microsoft?.Status,
        ["MicrosoftUpdatedAt"] = t.Microsoft?.UpdatedAt,
        ["EventCount"] = t.History.Count,
        ["Language"] = t.Language,
        ["AgentsCardConversationId"] = t.AgentsCard?.ConversationId,
        ["AgentsCardActivityId"] = t.AgentsCard?.ActivityId,
        ["PostingClaimOwner"] = t.PostingClaim?.Owner,
        ["PostingClaimAt"] = t.PostingClaim?.At,
    };

    public static TableEntity From(Ticket t, int sequence, TicketEvent e) => new(TicketKeys.Partition(t.TenantId), TicketKeys.EventRow(t.Number, sequence))
    {
        ["Number"] = t.Number,
        ["Kind"] = e.Kind.ToString(),
        ["At"] = e.At,
        ["ByObjectId"] = e.ByObjectId,
        ["ByName"] = e.ByName,
        ["Detail"] = e.Detail,
    };

    public static TableEntity StatusRow(Ticket t) => new(TicketKeys.StatusPartition(t.Status), TicketKeys.StatusRow(t.TenantId, t.Number))
    {
        ["TenantId"] = t.TenantId,
        ["Number"] = t.Number,
    };

    public static bool IsTicketRow(TableEntity entity) => entity.RowKey.EndsWith('|');

    public static Ticket ToTicket(TableEntity entity, IEnumerable<TableEntity> events) => new()
    {
        TenantId = entity.GetString("TenantId"),
        Number = entity.GetString("Number"),
        Category = Enum.Parse<TicketCategory>(entity.GetString("Category")),
        Severity = Enum.Parse<TicketSeverity>(entity.GetString("Severity")),
        Description = entity.GetString("Description") ?? string.Empty,
        InvoiceNumbers = JsonSerializer.Deserialize(entity.GetString("InvoiceNumbers") ?? "[]", HandoffJson.Default.ListString) ?? [],
        Plan = Enum.Parse<SupportPlan>(entity.GetString("Plan")),
        OpenedByObjectId = entity.GetString("OpenedByObjectId"),
        OpenedAt = entity.GetDateTimeOffset("OpenedAt") ?? DateTimeOffset.MinValue,
        ResponseDueBy = entity.GetDateTimeOffset("ResponseDueBy"),
        Status = Enum.Parse<TicketStatus>(entity.GetString("Status")),
        HandoffId = entity.GetString("HandoffId"),
        AssignedToObjectId = entity.GetString("AssignedToObjectId"),
        AssignedToName = entity.GetString("AssignedToName"),
        Microsoft = entity.GetString("MicrosoftRoute") is { } route
            ? new MicrosoftCase(Enum.Parse<MicrosoftSupportRoute>(route), entity.GetString("MicrosoftCaseNumber") ?? string.Empty, entity.GetString("MicrosoftStatus") ?? string.Empty,
                entity.GetDateTimeOffset("MicrosoftUpdatedAt") ?? DateTimeOffset.MinValue)
            : null,
        History = [.. events.OrderBy(e => e.RowKey, StringComparer.Ordinal).Select(ToEvent)],
        Language = entity.GetString("Language"),
        AgentsCard = entity.GetString("AgentsCardConversationId") is { } conversation && entity.GetString("AgentsCardActivityId") is { } activity
            ? new PostedMessage(conversation, activity)
            : null,
        PostingClaim = entity.GetString("PostingClaimOwner") is { } owner
            ? new TicketPostingClaim(owner, entity.GetDateTimeOffset("PostingClaimAt") ?? DateTimeOffset.MinValue)
            : null,
    };

    private static TicketEvent ToEvent(TableEntity entity) => new(
        Enum.Parse<TicketEventKind>(entity.GetString("Kind")),
        entity.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        entity.GetString("ByObjectId"),
        entity.GetString("ByName"),
        entity.GetString("Detail"));
}
