namespace BillingBot.Billing.Touchpoints;

/// <summary>The customers' touchpoints, kept per tenant for the sales summary ("summary Contoso").</summary>
public interface ITouchpoints
{
    /// <summary>Keeps one touchpoint; recording never changes an earlier one.</summary>
    Task RecordAsync(Touchpoint touchpoint, CancellationToken cancellationToken);

    /// <summary>A tenant's touchpoints from <paramref name="since"/> on, oldest first (a single-partition range read).</summary>
    Task<IReadOnlyList<Touchpoint>> SinceAsync(string tenantId, DateTimeOffset since, CancellationToken cancellationToken);
}
