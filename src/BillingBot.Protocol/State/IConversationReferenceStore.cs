namespace BillingBot.Protocol.State;

/// <summary>Where conversation references are kept between install and uninstall.</summary>
public interface IConversationReferenceStore
{
    /// <summary>
    /// Stores the reference; true when it is new or was inactive, false when an active one was only refreshed.
    /// Of two concurrent saves of a new reference exactly one returns true.
    /// </summary>
    Task<bool> SaveAsync(StoredConversationReference reference, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the reference only when none is stored for its owner, and returns the one stored then: this one, or the
    /// one that was there (stored meanwhile by someone else, e.g. an install while a proactive message opened a chat).
    /// </summary>
    Task<StoredConversationReference> AddAsync(StoredConversationReference reference, CancellationToken cancellationToken);

    Task<StoredConversationReference?> GetAsync(string tenantId, string owner, CancellationToken cancellationToken);

    /// <summary>All references of a tenant: a single-partition query.</summary>
    Task<IReadOnlyList<StoredConversationReference>> ListAsync(string tenantId, CancellationToken cancellationToken);

    Task DeleteAsync(string tenantId, string owner, CancellationToken cancellationToken);
}
