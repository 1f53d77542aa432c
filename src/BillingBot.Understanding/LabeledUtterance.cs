using BillingBot.Billing.Understanding;

namespace BillingBot.Understanding;

/// <summary>One example message and the intent it means.</summary>
internal sealed record LabeledUtterance(Intent Intent, string Text);
