using BillingBot.Billing.Staff;

namespace BillingBot.App.Staff;

/// <summary>
/// The staff directory the app uses: the configured members together with the staff managed in chat (a person in
/// both has the roles of both). Every lookup reads the store (one point read), so a role granted or taken away on one
/// instance of the app counts on every instance at once.
/// </summary>
public sealed class RosterStaffDirectory(ConfiguredStaffDirectory configured, IStaffRoster roster) : IStaffDirectory
{
    public async Task<StaffMember?> FindAsync(string objectId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(objectId))
        {
            return null;
        }

        var stored = await roster.FindAsync(objectId, cancellationToken).ConfigureAwait(false);
        return StaffRules.Merge(configured.Rules.Configured(objectId), stored);
    }

    public async Task<IReadOnlyList<StaffMember>> WithRoleAsync(StaffRole role, CancellationToken cancellationToken)
    {
        var stored = await roster.ListAsync(cancellationToken).ConfigureAwait(false);
        return [.. configured.Rules.Effective(stored).Where(m => m.HasRole(role))];
    }
}
