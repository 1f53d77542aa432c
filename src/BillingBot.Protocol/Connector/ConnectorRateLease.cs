using System.Threading.RateLimiting;

namespace BillingBot.Protocol.Connector;

/// <summary>A permit to write once, or a refusal that says when to try again.</summary>
internal sealed class ConnectorRateLease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
{
    public static readonly ConnectorRateLease Acquired = new(true, null);

    public static readonly ConnectorRateLease Refused = new(false, null);

    public override bool IsAcquired { get; } = isAcquired;

    public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        if (retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
        {
            metadata = wait;
            return true;
        }

        metadata = null;
        return false;
    }
}
