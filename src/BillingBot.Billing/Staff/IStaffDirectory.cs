namespace BillingBot.Billing.Staff;

/// <summary>The partner's staff and their roles: who may do what in the bot.</summary>
public interface IStaffDirectory
{
    /// <summary>The staff member with this Entra object id, or null when the person is not on the partner's staff.</summary>
    Task<StaffMember?> FindAsync(string objectId, CancellationToken cancellationToken);

    /// <summary>Everyone who has a role, by name.</summary>
    Task<IReadOnlyList<StaffMember>> WithRoleAsync(StaffRole role, CancellationToken cancellationToken);
}
