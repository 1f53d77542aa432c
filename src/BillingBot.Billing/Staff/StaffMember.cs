namespace BillingBot.Billing.Staff;

/// <summary>A person of the partner's staff, known by their Entra object id (the aadObjectId of their Teams activities).</summary>
public sealed record StaffMember(string ObjectId, string Name, IReadOnlyList<StaffRole> Roles)
{
    public string ObjectId { get; } = Guard.Required(ObjectId, nameof(ObjectId));

    public string Name { get; } = Guard.Required(Name, nameof(Name));

    public IReadOnlyList<StaffRole> Roles { get; } = [.. (Roles ?? throw new ArgumentNullException(nameof(Roles))).Select(r => Guard.Defined(r, nameof(Roles))).Distinct()];

    public bool HasRole(StaffRole role) => Roles.Contains(role);
}
