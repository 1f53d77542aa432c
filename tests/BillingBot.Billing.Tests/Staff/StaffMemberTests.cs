using BillingBot.Billing.Staff;

namespace BillingBot.Billing.Tests.Staff;

public sealed class StaffMemberTests
{
    [Fact]
    public void A_staff_member_has_the_roles_they_were_given_and_no_other()
    {
        var member = new StaffMember("0a1b2c3d-1111-4e5f-8a9b-0c1d2e3f4a5b", "Ewa Kamińska", [StaffRole.BillingAdmin, StaffRole.SupportAgent, StaffRole.BillingAdmin]);

        Assert.True(member.HasRole(StaffRole.BillingAdmin));
        Assert.False(member.HasRole(StaffRole.SalesAgent));
        Assert.Equal([StaffRole.BillingAdmin, StaffRole.SupportAgent], member.Roles);
    }

    [Fact]
    public void A_staff_member_needs_an_object_id_and_known_roles()
    {
        Assert.Throws<ArgumentException>(() => new StaffMember(" ", "Ewa", [StaffRole.BillingAdmin]));
        Assert.Throws<ArgumentException>(() => new StaffMember("id", "Ewa", [(StaffRole)42]));
    }
}
