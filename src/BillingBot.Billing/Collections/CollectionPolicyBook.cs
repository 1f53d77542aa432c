namespace BillingBot.Billing.Collections;

/// <summary>
/// The partner's collection policy with the customers that have their own: <see cref="For"/> gives the policy that
/// applies to a tenant. Tenant ids are matched without regard to case, as Entra ids are GUIDs written either way.
/// </summary>
public sealed record CollectionPolicyBook
{
    public CollectionPolicyBook(CollectionPolicy @default, IReadOnlyDictionary<string, CollectionPolicy> byTenant)
    {
        ArgumentNullException.ThrowIfNull(@default);
        ArgumentNullException.ThrowIfNull(byTenant);
        var overrides = new Dictionary<string, CollectionPolicy>(StringComparer.OrdinalIgnoreCase);
        foreach (var (tenantId, policy) in byTenant)
        {
            if (!overrides.TryAdd(Guard.Required(tenantId, nameof(byTenant)), policy ?? throw new ArgumentException($"The policy of {tenantId} is missing.", nameof(byTenant))))
            {
                throw new ArgumentException($"The tenant {tenantId} has more than one policy.", nameof(byTenant));
            }
        }

        Default = @default;
        ByTenant = overrides;
    }

    /// <summary>A book in which every customer follows the same policy.</summary>
    public CollectionPolicyBook(CollectionPolicy @default)
        : this(@default, new Dictionary<string, CollectionPolicy>())
    {
    }

    /// <summary>The partner's policy, for every customer without one of its own.</summary>
    public CollectionPolicy Default { get; }

    /// <summary>Customers' own policies by tenant id.</summary>
    public IReadOnlyDictionary<string, CollectionPolicy> ByTenant { get; }

    /// <summary>The policy that applies to a customer.</summary>
    public CollectionPolicy For(string tenantId) =>
        ByTenant.TryGetValue(Guard.Required(tenantId, nameof(tenantId)), out var policy) ? policy : Default;

    /// <summary>The problems of every policy in the book, each customer's prefixed with its tenant id; empty when all are sound.</summary>
    public IReadOnlyList<string> Validate() =>
        [.. Default.Validate(),
            .. ByTenant.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase).SelectMany(p => p.Value.Validate().Select(problem => $"{p.Key}: {problem}"))];
}
