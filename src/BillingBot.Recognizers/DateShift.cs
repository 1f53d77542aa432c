namespace BillingBot.Recognizers;

/// <summary>The word before a weekday, week or month: none, "next", "last" or "this".</summary>
internal enum DateShift
{
    None,
    Next,
    Last,
    This,
}
