namespace BillingBot.Billing.Escalations;

/// <summary>How badly the matter affects the customer, as they or the agent judge it.</summary>
public enum TicketSeverity
{
    Low,
    Normal,
    High,
    Critical,
}
