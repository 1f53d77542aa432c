using BillingBot.Billing.Handoff;
using BillingBot.Billing.Understanding;

namespace BillingBot.App.Handoff;

/// <summary>Why and about what a customer asks for a person: the trigger, the intent recognized, a topic and the invoices in question.</summary>
public sealed record HandoffStart(HandoffTrigger Trigger, Intent Intent, string Topic, IReadOnlyList<string> InvoiceNumbers);
