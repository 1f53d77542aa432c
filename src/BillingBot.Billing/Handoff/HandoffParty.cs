namespace BillingBot.Billing.Handoff;

/// <summary>Who wrote a message of a hand-off's transcript, or who ended it.</summary>
public enum HandoffParty
{
    Customer,
    Agent,
    Bot,
}
