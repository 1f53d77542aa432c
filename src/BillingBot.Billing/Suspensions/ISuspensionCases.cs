namespace BillingBot.Billing.Suspensions;

/// <summary>
/// The suspension cases of the partner's customers with their audit trails. A tenant has at most one open case; a
/// change is applied atomically with the events it adds, conditional on the case not having changed meanwhile.
/// </summary>
public interface ISuspensionCases
{
    /// <summary>A case with its whole audit trail, or null.</summary>
    Task<SuspensionCase?> FindAsync(string tenantId, string caseId, CancellationToken cancellationToken);

    /// <summary>The tenant's open case (not yet closed), or null.</summary>
    Task<SuspensionCase?> FindOpenAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>
    /// Opens the proposed case unless the tenant has an open case already or a case with the same id exists: then
    /// that case comes back, unchanged (Changed is false).
    /// </summary>
    Task<SuspensionOutcome> OpenAsync(SuspensionCase proposed, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a decision to the current case: <paramref name="decide"/> gets the case as stored and returns it changed
    /// (with the events it adds) or null to leave it. When someone else changed the case meanwhile, it runs again on the
    /// newer case. Null when there is no such case.
    /// </summary>
    Task<SuspensionOutcome?> UpdateAsync(string tenantId, string caseId, Func<SuspensionCase, SuspensionCase?> decide, CancellationToken cancellationToken);
}
