namespace BillingBot.Billing.Staff;

/// <summary>
/// The staff added in chat, kept in storage (the configured staff is not in it). Every read goes to the store, so a
/// change made on one instance of the app is seen by all at once.
/// </summary>
public interface IStaffRoster
{
    /// <summary>The stored entry of a person (object ids compare case-insensitively), or null: one point read.</summary>
    Task<StaffMember?> FindAsync(string objectId, CancellationToken cancellationToken);

    /// <summary>Every stored entry.</summary>
    Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Reads the stored staff list, lets <paramref name="decide"/> choose a change (see <see cref="StaffRules"/>), and
    /// writes it only if nobody changed the list in the meantime; otherwise reads again and decides again. Rules that
    /// span people (such as keeping one user-management admin) therefore hold however many instances change it at once.
    /// </summary>
    Task<StaffChange> ChangeAsync(Func<IReadOnlyList<StaffMember>, StaffChange> decide, CancellationToken cancellationToken);
}
