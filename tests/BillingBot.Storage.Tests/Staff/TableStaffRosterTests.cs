using BillingBot.Billing.Staff;
using BillingBot.Storage.Staff;
using BillingBot.Storage.Tables;
using BillingBot.TestKit.Azurite;
using Microsoft.Extensions.Options;

namespace BillingBot.Storage.Tests.Staff;

/// <summary>
/// The staff added in chat and the picked agents' channel, on Azurite: lookups by object id in any case, every change
/// kept, and changes made at the same moment applied one after the other, each on the list the previous one left.
/// </summary>
public sealed class TableStaffRosterTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string Maria = "0a1b2c3d-3333-4e5f-8a9b-0c1d2e3f4a5b";

    private static readonly StaffRules Bootstrap = new([new StaffMember(Maria, "Maria Zielińska", [StaffRole.UserManagementAdmin])]);

    private readonly TableStore _tables = new(Options.Create(new StorageOptions
    {
        ConnectionString = azurite.ConnectionString,
        TablePrefix = "t" + Guid.NewGuid().ToString("N")[..10],
    }));

    private TableStaffRoster Roster => new(_tables);

    private TableAgentsChannelPicks Picks => new(_tables);

    public Task InitializeAsync() => _tables.EnsureTablesAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_person_added_is_found_by_object_id_in_any_case_listed_and_gone_once_removed()
    {
        var piotr = Guid.NewGuid().ToString();

        await Roster.ChangeAsync(s => Bootstrap.Grant(s, Maria, piotr.ToUpperInvariant(), StaffRole.BillingAdmin, "Piotr Nowak"), CancellationToken.None);
        await Roster.ChangeAsync(s => Bootstrap.Grant(s, Maria, piotr, StaffRole.SalesAgent, null), CancellationToken.None);
        var found = await Roster.FindAsync(" " + piotr.ToUpperInvariant() + " ", CancellationToken.None);
        var listed = await Roster.ListAsync(CancellationToken.None);
        var removed = await Roster.ChangeAsync(s => Bootstrap.Remove(s, Maria, piotr), CancellationToken.None);

        Assert.Equal((piotr, "Piotr Nowak"), (found!.ObjectId, found.Name));
        Assert.Equal([StaffRole.BillingAdmin, StaffRole.SalesAgent], found.Roles);
        Assert.Equal(piotr, Assert.Single(listed).ObjectId);
        Assert.Equal(StaffChangeOutcome.Removed, removed.Outcome);
        Assert.Null(await Roster.FindAsync(piotr, CancellationToken.None));
        Assert.Empty(await Roster.ListAsync(CancellationToken.None));
        Assert.Null(await Roster.FindAsync(string.Empty, CancellationToken.None));
    }

    [Fact]
    public async Task Many_admins_changing_different_people_at_once_lose_none_of_the_changes()
    {
        var people = Enumerable.Range(0, 8).Select(_ => Guid.NewGuid().ToString()).ToList();

        var changes = await Task.WhenAll(people.Select((p, i) =>
            Roster.ChangeAsync(s => Bootstrap.Grant(s, Maria, p, StaffRole.SupportAgent, $"Agent {i}"), CancellationToken.None)));

        Assert.All(changes, c => Assert.Equal(StaffChangeOutcome.Added, c.Outcome));
        Assert.Equal(people.Order(StringComparer.Ordinal), (await Roster.ListAsync(CancellationToken.None)).Select(m => m.ObjectId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Two_last_admins_stepping_down_at_the_same_moment_leave_one_of_them()
    {
        var noBootstrap = new StaffRules([]);
        var piotr = Guid.NewGuid().ToString();
        var anna = Guid.NewGuid().ToString();
        await Roster.ChangeAsync(_ => new StaffChange(StaffChangeOutcome.Added, piotr, "Piotr Nowak", StaffRole.UserManagementAdmin,
            new StaffMember(piotr, "Piotr Nowak", [StaffRole.UserManagementAdmin])), CancellationToken.None);
        await Roster.ChangeAsync(s => noBootstrap.Grant(s, piotr, anna, StaffRole.UserManagementAdmin, "Anna Lis"), CancellationToken.None);

        for (var round = 0; round < 3; round++)
        {
            var outcomes = await Task.WhenAll(
                Roster.ChangeAsync(s => noBootstrap.Remove(s, piotr, piotr), CancellationToken.None),
                Roster.ChangeAsync(s => noBootstrap.Remove(s, anna, anna), CancellationToken.None));

            var left = await Roster.ListAsync(CancellationToken.None);
            var admin = Assert.Single(left, m => m.HasRole(StaffRole.UserManagementAdmin));
            Assert.Contains(outcomes, o => o.Outcome == StaffChangeOutcome.LastUserAdmin && o.ObjectId == admin.ObjectId);
            var gone = admin.ObjectId == piotr ? anna : piotr;
            Assert.Contains(outcomes, o => o.Outcome == StaffChangeOutcome.Removed && o.ObjectId == gone);

            // Put the other one back for the next round.
            await Roster.ChangeAsync(s => noBootstrap.Grant(s, admin.ObjectId, gone, StaffRole.UserManagementAdmin, "Back again"), CancellationToken.None);
        }
    }

    [Fact]
    public async Task The_agents_channel_picked_last_is_the_one_kept()
    {
        var tenant = Guid.NewGuid().ToString();
        var at = new DateTimeOffset(2026, 12, 14, 9, 30, 0, TimeSpan.FromHours(1));

        var none = await Picks.CurrentAsync(CancellationToken.None);
        await Picks.SaveAsync(new AgentsChannelPick(tenant, "19:first@thread.tacv2", Maria, at), CancellationToken.None);
        await Picks.SaveAsync(new AgentsChannelPick(tenant, "19:second@thread.tacv2", Maria, at.AddMinutes(5)), CancellationToken.None);
        var current = await Picks.CurrentAsync(CancellationToken.None);

        Assert.Null(none);
        Assert.Equal(new AgentsChannelPick(tenant, "19:second@thread.tacv2", Maria, at.AddMinutes(5)), current);
    }
}
