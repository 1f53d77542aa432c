namespace BillingBot.Storage.Activities;

/// <summary>How long activity claims are kept and how often old ones are deleted.</summary>
public sealed class ActivityClaimOptions
{
    /// <summary>Teams re-sends within seconds to minutes; a day is far beyond any re-delivery.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(1);

    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);
}
