namespace BillingBot.App.Reminders;

/// <summary>How the reminder scheduler sweeps, as configured under "Reminders".</summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Reminders";

    /// <summary>Whether this instance sweeps at all (an instance that only answers chats may turn it off).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time between sweeps. Reminders are planned per day and delivered within a window of hours, so minutes are plenty.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a claim protects a reminder while its instance sends it; an older claim is presumed dead (the instance
    /// crashed) and is taken over. It must exceed the connector's total timeout, so a slow send is never mistaken for a dead one.
    /// </summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Days beyond the policy's earliest reminder before a due date that the due-date index is read ahead, for customers whose calendar is ahead of UTC.</summary>
    public int LookAheadDays { get; set; } = 1;

    /// <summary>
    /// Days after a stage starts that its invoice is still read from the due-date index, so a stage held back by a
    /// weekend, holidays or an outage is still sent while it is the invoice's latest.
    /// </summary>
    public int CatchUpDays { get; set; } = 5;

    /// <summary>
    /// How long a customer whose last visit left nothing open is not visited again, while nothing that brought it to
    /// the sweep changed (its invoices in the index, its watch), nor its day or delivery window. Changes the sweep cannot
    /// see that way (a new contact, a taken-back opt-out) wait at most this long. Zero visits every customer every sweep.
    /// </summary>
    public TimeSpan RevisitAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Tenants swept at once by one instance.</summary>
    public int MaxParallelTenants { get; set; } = 4;

    /// <summary>
    /// A tenant's people whose reminders one instance sends at once, each in a chat of their own; one person's reminders
    /// go one after another, in the plan's order. Without it a tenant's sends wait on each other's storage round trips
    /// and fall short of the tenant's write limit, which the connector's rate limiter keeps in any case. An instance
    /// killed mid-sweep may leave this many sends that Teams took but the ledger did not record (each sent once more
    /// after the claim timeout), rather than one.
    /// </summary>
    public int MaxParallelPeople { get; set; } = 4;

    /// <summary>
    /// The Bot Connector service URL used to open a 1:1 chat with a contact when no conversation of their tenant is
    /// known yet (e.g. https://smba.trafficmanager.net/emea/); without it such a contact waits until someone of the tenant writes.
    /// </summary>
    public string? DefaultServiceUrl { get; set; }

    /// <summary>This instance's name in claims; a fresh one per process when unset, so two processes never share one.</summary>
    public string? InstanceId { get; set; }

    /// <summary>The language of notices to the partner's billing team ("pl" or "en").</summary>
    public string BillingTeamLanguage { get; set; } = "pl";
}
