using BillingBot.Billing.Staff;

namespace BillingBot.Billing.Tests.Staff;

/// <summary>The rules of changing the staff in chat, on lists as read: configured people stay, someone can always manage the staff.</summary>
public sealed class StaffRulesTests
{
    private const string Maria = "0a1b2c3d-3333-4e5f-8a9b-0c1d2e3f4a5b";
    private const string Ewa = "0a1b2c3d-1111-4e5f-8a9b-0c1d2e3f4a5b";
    private const string Piotr = "5e0c7a2b-9d41-4c1e-8f3a-2b6d9e0f1a7c";

    private static readonly StaffRules Rules = new([
        new StaffMember(Maria.ToUpperInvariant(), "Maria Zielińska", [StaffRole.UserManagementAdmin]),
        new StaffMember(Ewa, "Ewa Kamińska", [StaffRole.BillingAdmin]),
    ]);

    [Fact]
    public void Someone_new_is_added_with_a_name_and_someone_known_gets_the_role_under_their_name()
    {
        var added = Rules.Grant([], Maria, Piotr.ToUpperInvariant(), StaffRole.SalesAgent, " Piotr Nowak ");
        var nameless = Rules.Grant([], Maria, Piotr, StaffRole.SalesAgent, null);
        var granted = Rules.Grant([added.Stored!], Maria, Piotr, StaffRole.BillingAdmin, null);
        var toConfigured = Rules.Grant([], Maria, Ewa, StaffRole.SalesAgent, "ignored");

        Assert.Equal((StaffChangeOutcome.Added, Piotr, "Piotr Nowak"), (added.Outcome, added.Stored!.ObjectId, added.Stored.Name));
        Assert.Equal(StaffChangeOutcome.NameRequired, nameless.Outcome);
        Assert.False(nameless.Writes);
        Assert.Equal(StaffChangeOutcome.Granted, granted.Outcome);
        Assert.Equal([StaffRole.SalesAgent, StaffRole.BillingAdmin], granted.Stored!.Roles);
        Assert.Equal((StaffChangeOutcome.Granted, "Ewa Kamińska"), (toConfigured.Outcome, toConfigured.Stored!.Name));
        Assert.Equal(StaffChangeOutcome.AlreadyHad, Rules.Grant([], Maria, Ewa, StaffRole.BillingAdmin, null).Outcome);
    }

    [Fact]
    public void Only_a_user_admin_on_the_list_as_read_may_change_it()
    {
        var piotrAdmin = new StaffMember(Piotr, "Piotr Nowak", [StaffRole.UserManagementAdmin]);

        Assert.Equal(StaffChangeOutcome.NotAllowed, Rules.Grant([], Ewa, Piotr, StaffRole.BillingAdmin, "Piotr Nowak").Outcome);
        Assert.Equal(StaffChangeOutcome.NotAllowed, Rules.Remove([], Piotr, Ewa).Outcome);
        Assert.Equal(StaffChangeOutcome.Granted, Rules.Grant([piotrAdmin], Piotr, Ewa, StaffRole.SalesAgent, null).Outcome);
        Assert.Equal(StaffChangeOutcome.NotAllowed, Rules.Revoke([], " ", Ewa, StaffRole.BillingAdmin).Outcome);
    }

    [Fact]
    public void Configured_people_and_roles_stay_and_a_role_added_in_chat_can_be_taken_back()
    {
        var extra = Rules.Grant([], Maria, Ewa, StaffRole.SalesAgent, null).Stored!;

        Assert.Equal(StaffChangeOutcome.InConfiguration, Rules.Remove([extra], Maria, Ewa).Outcome);
        Assert.Equal(StaffChangeOutcome.InConfiguration, Rules.Revoke([extra], Maria, Ewa, StaffRole.BillingAdmin).Outcome);
        var taken = Rules.Revoke([extra], Maria, Ewa, StaffRole.SalesAgent);
        Assert.Equal((StaffChangeOutcome.Revoked, null), (taken.Outcome, taken.Stored));
        Assert.Equal(StaffChangeOutcome.DidNotHave, Rules.Revoke([], Maria, Ewa, StaffRole.SalesAgent).Outcome);
        Assert.Equal(StaffChangeOutcome.NotOnStaff, Rules.Remove([], Maria, Piotr).Outcome);
    }

    [Fact]
    public void The_last_user_admin_keeps_the_role_and_a_person_without_roles_leaves_the_staff()
    {
        var noBootstrap = new StaffRules([]);
        var piotr = new StaffMember(Piotr, "Piotr Nowak", [StaffRole.UserManagementAdmin, StaffRole.SalesAgent]);
        var anna = new StaffMember("7c9e6679-7425-40de-944b-e07fc1f90ae7", "Anna Lis", [StaffRole.UserManagementAdmin]);

        Assert.Equal(StaffChangeOutcome.LastUserAdmin, noBootstrap.Revoke([piotr], Piotr, Piotr, StaffRole.UserManagementAdmin).Outcome);
        Assert.Equal(StaffChangeOutcome.LastUserAdmin, noBootstrap.Remove([piotr], Piotr, Piotr).Outcome);
        var stepDown = noBootstrap.Revoke([piotr, anna], Piotr, Piotr, StaffRole.UserManagementAdmin);
        Assert.Equal(StaffChangeOutcome.Revoked, stepDown.Outcome);
        Assert.Equal([StaffRole.SalesAgent], stepDown.Stored!.Roles);
        var lastRole = noBootstrap.Revoke([piotr, anna], anna.ObjectId, Piotr, StaffRole.SalesAgent);
        Assert.Equal(StaffChangeOutcome.Revoked, lastRole.Outcome);
        var onlyRole = noBootstrap.Revoke([anna, stepDown.Stored], anna.ObjectId, Piotr, StaffRole.SalesAgent);
        Assert.Equal((StaffChangeOutcome.Removed, null), (onlyRole.Outcome, onlyRole.Stored));
        Assert.Equal(StaffChangeOutcome.Removed, Rules.Remove([piotr], Maria, Piotr).Outcome);
    }

    [Fact]
    public void The_staff_is_the_configured_and_the_stored_people_together_by_name()
    {
        var stored = new[]
        {
            new StaffMember(Ewa, "Ewa K.", [StaffRole.SalesAgent]),
            new StaffMember(Piotr, "Piotr Nowak", [StaffRole.SupportAgent]),
        };

        var everyone = Rules.Effective(stored);

        Assert.Equal(["Ewa Kamińska", "Maria Zielińska", "Piotr Nowak"], everyone.Select(m => m.Name));
        Assert.Equal([StaffRole.BillingAdmin, StaffRole.SalesAgent], everyone[0].Roles);
    }
}
