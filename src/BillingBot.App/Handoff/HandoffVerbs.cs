namespace BillingBot.App.Handoff;

/// <summary>The Universal Action verbs of hand-off cards, and the fields of their data.</summary>
public static class HandoffVerbs
{
    public const string Prefix = "handoff.";
    public const string Accept = "handoff.accept";
    public const string End = "handoff.end";
    public const string Refresh = "handoff.refresh";
    public const string Rate = "handoff.rate";
    public const string HandoffField = "handoff";
    public const string StarsField = "stars";
}
