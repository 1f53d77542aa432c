using BillingBot.Billing.Staff;

namespace BillingBot.App.Staff;

/// <summary>One person of the partner's staff: their Entra object id (as Teams sends it in aadObjectId), name and roles.</summary>
public sealed class StaffMemberOptions
{
    public string ObjectId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public List<StaffRole> Roles { get; set; } = [];

    public StaffMember ToMember() => new(ObjectId.Trim(), Name.Trim(), Roles);
}
