using BillingBot.Billing.Customers;

namespace BillingBot.App.Reminders;

/// <summary>What a sweep remembers of a customer whose visit left nothing open: what brought it, its day and window, and when.</summary>
/// <param name="Fingerprint">The candidate's fingerprint at that visit.</param>
/// <param name="Customer">The customer as read then (its time zone decides its day).</param>
/// <param name="LocalDate">The customer's day at that visit.</param>
/// <param name="DeliveryTime">Whether reminders could reach the customer then.</param>
/// <param name="At">When.</param>
public sealed record SettledTenant(string Fingerprint, Customer Customer, DateOnly LocalDate, bool DeliveryTime, DateTimeOffset At);
