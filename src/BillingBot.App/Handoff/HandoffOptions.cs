namespace BillingBot.App.Handoff;

/// <summary>How hand-offs to a person behave, under "Handoff".</summary>
public sealed class HandoffOptions
{
    /// <summary>How long a request waits for an agent before it goes to all support agents (default 5 minutes).</summary>
    public TimeSpan AcceptTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often open requests are checked for that timeout (default 30 seconds).</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The expected wait the customer is told after the timeout when their plan publishes no response time (default 4 hours).</summary>
    public TimeSpan DefaultExpectedWait { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Whether the background check runs (tests call it directly).</summary>
    public bool MonitorEnabled { get; set; } = true;
}
