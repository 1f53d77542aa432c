namespace BillingBot.Protocol.State;

/// <summary>Where conversation references are kept between install and uninstall.</summary>
public interface IConversationReferenceStore
{
    /// <summary>
    /// Stores the reference; true when it is new or was inactive, false when an active one was only refreshed.
    /// Of two concurrent saves of a new reference exactly one returns true.
    /// </summary>
    Task<bool> SaveAsync(StoredConversationReference reference, CancellationToken cancellationToken);

    Task<StoredConversationReference?> GetAsync(string tenantId, string owner, CancellationToken cancellationToken);

    /// <summary>All references of a tenant: a single-partition query.</summary>
    Task<IReadOnlyList<StoredConversationReference>> ListAsync(string tenantId, CancellationToken cancellationToken);

    Task DeleteAsync(string tenantId, string owner, CancellationToken cancellationToken);
}
