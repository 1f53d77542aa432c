namespace BillingBot.App.Staff;

/// <summary>The partner's staff as configured under "Staff": "Staff:Members:0:ObjectId", ":Name", ":Roles:0" and so on.</summary>
public sealed class StaffOptions
{
    public List<StaffMemberOptions> Members { get; set; } = [];
}
