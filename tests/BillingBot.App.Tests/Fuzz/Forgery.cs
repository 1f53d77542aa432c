namespace BillingBot.App.Tests.Fuzz;

/// <summary>How a fuzzed card action is made invalid on purpose, so that storage must not change.</summary>
public enum Forgery
{
    /// <summary>Not on purpose: whoever clicks, with whatever data; it may well be a valid action.</summary>
    None,

    /// <summary>The click comes from a tenant that is neither the partner's nor the customer's.</summary>
    ForeignTenant,

    /// <summary>A real person clicks, but the data names a case, ticket, hand-off, invoice or claim that does not exist.</summary>
    UnknownIds,
}
