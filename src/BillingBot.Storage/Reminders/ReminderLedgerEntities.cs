using Azure.Data.Tables;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;

namespace BillingBot.Storage.Reminders;

/// <summary>Maps ledger entries to table entities and back. Dates are yyyy-MM-dd strings, enums their names.</summary>
internal static class ReminderLedgerEntities
{
    public static TableEntity From(ReminderLedgerEntry entry)
    {
        var reminder = entry.Delivery.Reminder;
        var recipient = entry.Delivery.Recipient;
        return new TableEntity(ReminderKeys.Partition(reminder.TenantId), Row(entry.Delivery))
        {
            ["TenantId"] = reminder.TenantId,
            ["InvoiceNumber"] = reminder.InvoiceNumber,
            ["Kind"] = reminder.Kind.ToString(),
            ["DayOffset"] = reminder.DayOffset,
            ["StageDate"] = ReminderKeys.Date(reminder.StageDate),
            ["StageKey"] = reminder.StageKey,
            ["RecipientObjectId"] = recipient?.ObjectId,
            ["Language"] = recipient?.Language,
            ["State"] = entry.State.ToString(),
            ["Owner"] = entry.Owner,
            ["ClaimedAt"] = entry.ClaimedAt,
            ["Claims"] = entry.Claims,
            ["CompletedAt"] = entry.CompletedAt,
            ["ActivityId"] = entry.SentTo?.ActivityId,
            ["ConversationId"] = entry.SentTo?.ConversationId,
            ["ServiceUrl"] = entry.SentTo?.ServiceUrl,
            ["Reason"] = entry.Reason,
            ["CardPending"] = entry.CardPending,
            ["CardStatus"] = entry.CardStatus?.ToString(),
            ["CardUpdatedAt"] = entry.CardUpdatedAt,
            ["CardOwner"] = entry.CardOwner,
            ["CardClaimedAt"] = entry.CardClaimedAt,
        };
    }

    public static string Row(ReminderDelivery delivery) =>
        ReminderKeys.LedgerRow(delivery.Reminder.InvoiceNumber, delivery.Reminder.StageKey, delivery.Recipient?.ObjectId);

    public static ReminderLedgerEntry ToEntry(TableEntity entity)
    {
        var recipientId = entity.GetString("RecipientObjectId");
        var recipient = recipientId is null ? null : new ReminderRecipient(recipientId, entity.GetString("Language") ?? string.Empty);
        var reminder = new PlannedReminder(
            entity.GetString("TenantId"),
            entity.GetString("InvoiceNumber"),
            Enum.Parse<ReminderKind>(entity.GetString("Kind")),
            entity.GetInt32("DayOffset") ?? 0,
            ReminderKeys.ParseDate(entity.GetString("StageDate")),
            entity.GetString("StageKey"),
            recipient is null ? [] : [recipient]);
        var conversationId = entity.GetString("ConversationId");
        var serviceUrl = entity.GetString("ServiceUrl");
        return new ReminderLedgerEntry(
            new ReminderDelivery(reminder, recipient),
            Enum.Parse<ReminderLedgerState>(entity.GetString("State")),
            entity.GetString("Owner") ?? string.Empty,
            entity.GetDateTimeOffset("ClaimedAt") ?? DateTimeOffset.MinValue,
            entity.GetInt32("Claims") ?? 1,
            entity.ETag.ToString())
        {
            CompletedAt = entity.GetDateTimeOffset("CompletedAt"),
            SentTo = conversationId is not null && serviceUrl is not null
                ? new ReminderSentTo(entity.GetString("ActivityId"), conversationId, serviceUrl)
                : null,
            Reason = entity.GetString("Reason"),
            CardPending = entity.GetBoolean("CardPending") ?? false,
            CardStatus = entity.GetString("CardStatus") is { } status ? Enum.Parse<InvoiceStatus>(status) : null,
            CardUpdatedAt = entity.GetDateTimeOffset("CardUpdatedAt"),
            CardOwner = entity.GetString("CardOwner"),
            CardClaimedAt = entity.GetDateTimeOffset("CardClaimedAt"),
        };
    }
}
