using System.Text.Json;
using Azure.Data.Tables;
using BillingBot.Billing.Handoff;
using BillingBot.Billing.Suspensions;
using BillingBot.Billing.Understanding;

namespace BillingBot.Storage.Handoff;

/// <summary>Maps hand-offs, their audit events, routes and transcript messages to table entities and back.</summary>
internal static class HandoffEntities
{
    public static TableEntity From(HandoffRequest r) => new(HandoffKeys.Partition(r.HandoffId), HandoffKeys.RequestRow)
    {
        ["HandoffId"] = r.HandoffId,
        ["TenantId"] = r.TenantId,
        ["UserObjectId"] = r.UserObjectId,
        ["CustomerConversationId"] = r.CustomerConversationId,
        ["AgentsChannelId"] = r.AgentsChannelId,
        ["Topic"] = r.Topic,
        ["RecognizedIntent"] = r.RecognizedIntent.ToString(),
        ["Trigger"] = r.Trigger.ToString(),
        ["Language"] = r.Language,
        ["InvoiceNumbers"] = JsonSerializer.Serialize([.. r.InvoiceNumbers], HandoffJson.Default.ListString),
        ["LastMessages"] = JsonSerializer.Serialize([.. r.LastMessages.Select(m => new StoredMessage(m.Who, m.Text, m.At, m.Name))], HandoffJson.Default.ListStoredMessage),
        ["State"] = r.State.ToString(),
        ["RequestedAt"] = r.RequestedAt,
        ["CardConversationId"] = r.RequestCard?.ConversationId,
        ["CardActivityId"] = r.RequestCard?.ActivityId,
        ["OfferedAt"] = r.OfferedAt,
        ["AcceptedByObjectId"] = r.AcceptedBy?.ObjectId,
        ["AcceptedByName"] = r.AcceptedBy?.Name,
        ["AcceptedAt"] = r.AcceptedAt,
        ["AgentThreadConversationId"] = r.AgentThreadConversationId,
        ["EndedAt"] = r.EndedAt,
        ["EndedBy"] = r.EndedBy?.ToString(),
        ["Rating"] = r.Rating,
        ["ExpectedBackAt"] = r.ExpectedBackAt,
        ["TicketNumber"] = r.TicketNumber,
        ["EventCount"] = r.History.Count,
    };

    public static TableEntity From(string handoffId, int sequence, HandoffEvent e) => new(HandoffKeys.Partition(handoffId), HandoffKeys.EventRow(sequence))
    {
        ["Kind"] = e.Kind.ToString(),
        ["At"] = e.At,
        ["ByObjectId"] = e.ByObjectId,
        ["ByName"] = e.ByName,
        ["Detail"] = e.Detail,
    };

    public static HandoffRequest ToRequest(TableEntity entity, IEnumerable<TableEntity> events) => new()
    {
        HandoffId = entity.GetString("HandoffId"),
        TenantId = entity.GetString("TenantId"),
        UserObjectId = entity.GetString("UserObjectId"),
        CustomerConversationId = entity.GetString("CustomerConversationId"),
        AgentsChannelId = entity.GetString("AgentsChannelId"),
        Topic = entity.GetString("Topic") ?? string.Empty,
        RecognizedIntent = Enum.Parse<Intent>(entity.GetString("RecognizedIntent")),
        Trigger = Enum.Parse<HandoffTrigger>(entity.GetString("Trigger")),
        Language = entity.GetString("Language") is { Length: > 0 } language ? language : "en",
        InvoiceNumbers = JsonSerializer.Deserialize(entity.GetString("InvoiceNumbers") ?? "[]", HandoffJson.Default.ListString) ?? [],
        LastMessages = [.. (JsonSerializer.Deserialize(entity.GetString("LastMessages") ?? "[]", HandoffJson.Default.ListStoredMessage) ?? []).Select(m => new TranscriptEntry(m.Who, m.Text, m.At, m.Name))],
        State = Enum.Parse<HandoffState>(entity.GetString("State")),
        RequestedAt = entity.GetDateTimeOffset("RequestedAt") ?? DateTimeOffset.MinValue,
        RequestCard = entity.GetString("CardConversationId") is { } conversation && entity.GetString("CardActivityId") is { } activity ? new PostedMessage(conversation, activity) : null,
        OfferedAt = entity.GetDateTimeOffset("OfferedAt"),
        AcceptedBy = entity.GetString("AcceptedByObjectId") is { } agentId ? new HandoffAgent(agentId, entity.GetString("AcceptedByName") ?? string.Empty) : null,
        AcceptedAt = entity.GetDateTimeOffset("AcceptedAt"),
        AgentThreadConversationId = entity.GetString("AgentThreadConversationId"),
        EndedAt = entity.GetDateTimeOffset("EndedAt"),
        EndedBy = entity.GetString("EndedBy") is { } by ? Enum.Parse<HandoffParty>(by) : null,
        Rating = entity.GetInt32("Rating"),
        ExpectedBackAt = entity.GetDateTimeOffset("ExpectedBackAt"),
        TicketNumber = entity.GetString("TicketNumber"),
        History = [.. events.OrderBy(e => e.RowKey, StringComparer.Ordinal).Select(ToEvent)],
    };

    public static TableEntity Route(HandoffRequest r) => new(HandoffKeys.Partition(r.CustomerConversationId), HandoffKeys.OpenRow)
    {
        ["HandoffId"] = r.HandoffId,
        ["State"] = r.State.ToString(),
        ["AgentThreadConversationId"] = r.AgentThreadConversationId,
        ["AgentName"] = r.AcceptedBy?.Name,
        ["EventCount"] = r.History.Count,
    };

    public static HandoffRoute ToRoute(TableEntity entity) => new(
        entity.GetString("HandoffId"),
        Enum.Parse<HandoffState>(entity.GetString("State")),
        entity.GetString("AgentThreadConversationId"),
        entity.GetString("AgentName"));

    public static TableEntity ChannelRow(HandoffRequest r) => new(HandoffKeys.Partition(r.AgentsChannelId), HandoffKeys.Partition(r.HandoffId))
    {
        ["HandoffId"] = r.HandoffId,
        ["RequestedAt"] = r.RequestedAt,
    };

    public static TableEntity From(string handoffId, TranscriptEntry entry) => new(HandoffKeys.Partition(handoffId), HandoffKeys.TranscriptRow(entry))
    {
        ["Who"] = entry.Who.ToString(),
        ["Text"] = entry.Text,
        ["At"] = entry.At,
        ["Name"] = entry.Name,
    };

    public static TranscriptEntry ToTranscriptEntry(TableEntity entity) => new(
        Enum.Parse<HandoffParty>(entity.GetString("Who")),
        entity.GetString("Text") ?? string.Empty,
        entity.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        entity.GetString("Name"));

    private static HandoffEvent ToEvent(TableEntity entity) => new(
        Enum.Parse<HandoffEventKind>(entity.GetString("Kind")),
        entity.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        entity.GetString("ByObjectId"),
        entity.GetString("ByName"),
        entity.GetString("Detail"));
}
