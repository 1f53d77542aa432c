namespace BillingBot.App.Suspensions;

/// <summary>The Action.Execute verbs of the suspension approval card.</summary>
public static class SuspensionVerbs
{
    public const string Prefix = "suspension.";
    public const string Approve = Prefix + "approve";
    public const string Postpone = Prefix + "postpone";
    public const string Refresh = Prefix + "refresh";

    /// <summary>The id of the Input.Date whose value (yyyy-MM-dd) the postpone action carries.</summary>
    public const string UntilInput = "until";
}
