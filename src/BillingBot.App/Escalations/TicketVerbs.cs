namespace BillingBot.App.Escalations;

/// <summary>The Action.Execute verbs of the ticket cards: the agents' steps, and the customer's answer when asked.</summary>
public static class TicketVerbs
{
    public const string Prefix = "ticket.";
    public const string Start = Prefix + "start";
    public const string WaitForCustomer = Prefix + "wait";
    public const string Resolve = Prefix + "resolve";
    public const string Close = Prefix + "close";
    public const string Escalate = Prefix + "escalate";
    public const string UpdateMicrosoftStatus = Prefix + "microsoftStatus";
    public const string Refresh = Prefix + "refresh";

    /// <summary>The customer answers an agent who waits for them (from the notice in their personal chat).</summary>
    public const string Answer = Prefix + "answer";

    /// <summary>The id of the Input.ChoiceSet with the route to Microsoft.</summary>
    public const string RouteInput = "route";

    /// <summary>The id of the Input.Text with the Microsoft case number.</summary>
    public const string CaseNumberInput = "caseNumber";

    /// <summary>The id of the Input.Text with the status Microsoft gave.</summary>
    public const string MicrosoftStatusInput = "microsoftStatus";

    /// <summary>The id of the Input.Text with the customer's answer.</summary>
    public const string AnswerInput = "answer";
}
