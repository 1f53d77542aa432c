using BillingBot.Protocol.State;

namespace BillingBot.App.Tests.Faults;

/// <summary>
/// The app's reference store (the real one, on Azurite) that stops the first lookup finding no chat for one owner right
/// after it found none, until the test lets it go on: a reminder sweep caught between "this person has no chat" and
/// what it does next, while the test installs the app.
/// </summary>
public sealed class PausingReferenceStore(IConversationReferenceStore inner, string pausedOwner) : IConversationReferenceStore
{
    private readonly TaskCompletionSource _missed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _go = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _paused;

    /// <summary>Completes when a lookup of the owner found nothing and is waiting.</summary>
    public Task Missed => _missed.Task;

    public void Go() => _go.TrySetResult();

    public async Task<StoredConversationReference?> GetAsync(string tenantId, string owner, CancellationToken cancellationToken)
    {
        var found = await inner.GetAsync(tenantId, owner, cancellationToken);
        if (found is null && owner == pausedOwner && Interlocked.Exchange(ref _paused, 1) == 0)
        {
            _missed.TrySetResult();
            await _go.Task.WaitAsync(cancellationToken);
        }

        return found;
    }

    public Task<StoredConversationReference> AddAsync(StoredConversationReference reference, CancellationToken cancellationToken) => inner.AddAsync(reference, cancellationToken);

    public Task<bool> SaveAsync(StoredConversationReference reference, CancellationToken cancellationToken) => inner.SaveAsync(reference, cancellationToken);

    public Task<IReadOnlyList<StoredConversationReference>> ListAsync(string tenantId, CancellationToken cancellationToken) => inner.ListAsync(tenantId, cancellationToken);

    public Task DeleteAsync(string tenantId, string owner, CancellationToken cancellationToken) => inner.DeleteAsync(tenantId, owner, cancellationToken);
}
