using BillingBot.Billing.Staff;

namespace BillingBot.Billing.Handoff;

/// <summary>
/// The hand-offs and their transcripts. A customer conversation has at most one open hand-off; a change is applied
/// conditional on the request not having changed meanwhile, so exactly one agent's accept wins across instances.
/// </summary>
public interface IHandoffRequests
{
    /// <summary>A hand-off with its audit trail, or null.</summary>
    Task<HandoffRequest?> FindAsync(string handoffId, CancellationToken cancellationToken);

    /// <summary>Where a customer's message goes: the open hand-off of their conversation, in one point read; null when there is none.</summary>
    Task<HandoffRoute?> RouteForConversationAsync(string customerConversationId, CancellationToken cancellationToken);

    /// <summary>The open hand-off of a customer conversation with its audit trail, or null.</summary>
    Task<HandoffRequest?> FindOpenByConversationAsync(string customerConversationId, CancellationToken cancellationToken);

    /// <summary>The open hand-offs posted to an agents' channel, oldest first.</summary>
    Task<IReadOnlyList<HandoffRequest>> OpenInChannelAsync(string agentsChannelId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a new request unless its conversation has an open hand-off already or one with the same id exists: then
    /// that one comes back, unchanged (Changed is false).
    /// </summary>
    Task<HandoffOutcome> CreateAsync(HandoffRequest proposed, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a change: <paramref name="decide"/> gets the request as stored and returns it changed or null to leave it.
    /// When someone else changed it meanwhile, it runs again on the newer request. Null when there is no such hand-off.
    /// </summary>
    Task<HandoffOutcome?> UpdateAsync(string handoffId, Func<HandoffRequest, HandoffRequest?> decide, CancellationToken cancellationToken);

    /// <summary>An agent accepts; of agents accepting at once, on any instance, exactly one gets Accepted. Null when there is no such hand-off.</summary>
    Task<AcceptOutcome?> AcceptAsync(string handoffId, StaffMember agent, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Keeps one relayed message; the same message stored twice (a retried turn) is kept once.</summary>
    Task AppendTranscriptAsync(string handoffId, TranscriptEntry entry, CancellationToken cancellationToken);

    /// <summary>The relayed messages of a hand-off, oldest first.</summary>
    Task<IReadOnlyList<TranscriptEntry>> TranscriptAsync(string handoffId, CancellationToken cancellationToken);
}
