namespace BillingBot.App.Reminders;

/// <summary>
/// A tenant a sweep may visit, with a fingerprint of what brought it (its invoices in the windows as read from the
/// index, its watch): while the fingerprint, the customer's day and its delivery window stay the same, a tenant whose
/// last visit left nothing open need not be visited again soon.
/// </summary>
public sealed record ReminderCandidate(string TenantId, string Fingerprint);
