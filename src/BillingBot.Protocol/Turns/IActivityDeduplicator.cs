using BillingBot.Protocol.Schema;

namespace BillingBot.Protocol.Turns;

/// <summary>Makes sure an activity that Teams re-sends (it does after 15 s) is processed once, on any instance.</summary>
public interface IActivityDeduplicator
{
    /// <summary>True the first time an activity is seen; false for a re-delivery.</summary>
    Task<bool> TryBeginAsync(Activity activity, CancellationToken cancellationToken);
}
