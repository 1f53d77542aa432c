namespace BillingBot.Billing.Handoff;

/// <summary>Why a hand-off started.</summary>
public enum HandoffTrigger
{
    /// <summary>The customer asked for a person ("talk to a person", "konsultant").</summary>
    AskedForPerson,

    /// <summary>The customer pressed the hand-off button on a card.</summary>
    CardButton,

    /// <summary>The bot failed to understand the customer twice in a row.</summary>
    NotUnderstood,
}
