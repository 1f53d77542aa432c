using BillingBot.App.Tests.Hosting;
using static BillingBot.App.Tests.Staff.StaffRoom;

namespace BillingBot.App.Tests.Staff;

/// <summary>
/// A user-management admin keeps the staff list in chat, in English or Polish, by object id or by @mention; the rest
/// of the staff may read it, nobody else may change it, the configured people stay as configured, and someone can
/// always manage the staff. Driven over HTTP as Teams does, on Azurite, with the fake Teams channel.
/// </summary>
public sealed class StaffManagementTests(BotEnvironment env) : IClassFixture<BotEnvironment>
{
    private const StringComparison Exact = StringComparison.Ordinal;

    [Fact]
    public async Task A_user_admin_adds_gives_takes_and_removes_in_English_in_the_agents_channel_and_the_person_is_on_the_staff_only_meanwhile()
    {
        await using var room = Open(env);
        var channel = room.ChannelId!;
        var piotr = Guid.NewGuid().ToString();

        var before = await room.SayInChannelAsync(channel, UserAdminObjectId, "staff");
        var strangerBefore = await room.SayInChannelAsync(channel, piotr, "staff");
        var added = await room.SayInChannelAsync(channel, UserAdminObjectId, $"staff add {piotr} billing admin Piotr Nowak");
        var piotrReads = await room.SayInChannelAsync(channel, piotr, "staff");
        var second = await room.SayInChannelAsync(channel, UserAdminObjectId, $"staff add {piotr} sales-agent");
        var again = await room.SayInChannelAsync(channel, UserAdminObjectId, $"staff add {piotr.ToUpperInvariant()} SalesAgent");
        var taken = await room.SayInChannelAsync(channel, UserAdminObjectId, $"staff remove {piotr} billing admin");
        var listed = await room.SayInChannelAsync(channel, UserAdminObjectId, "staff list");
        var removed = await room.SayInChannelAsync(channel, UserAdminObjectId, $"staff remove {piotr}");
        var after = await room.SayInChannelAsync(channel, UserAdminObjectId, "staff");
        var strangerAfter = await room.SayInChannelAsync(channel, piotr, "staff");

        Assert.Contains($"**{BillingAdminName}**: support agent, billing admin (`{BillingAdminObjectId}`; in configuration)", before, Exact);
        Assert.Contains($"**{UserAdminName}**: user-management admin (`{UserAdminObjectId}`; in configuration)", before, Exact);
        Assert.Contains("staff add <object id or @mention> <role> <name>", before, Exact);
        Assert.DoesNotContain(piotr, before, Exact);
        Assert.Contains("you are not on the staff list", strangerBefore, Exact);
        Assert.Equal("Done: Piotr Nowak is on the staff list now, with the billing admin role.", added);
        Assert.Contains($"**Piotr Nowak**: billing admin (`{piotr}`)", piotrReads, Exact);
        Assert.DoesNotContain("staff add", piotrReads, Exact);
        Assert.Equal("Done: Piotr Nowak now has the sales agent role.", second);
        Assert.Equal("Piotr Nowak already has the sales agent role. Nothing has changed.", again);
        Assert.Equal("Done: Piotr Nowak no longer has the billing admin role.", taken);
        Assert.Contains($"**Piotr Nowak**: sales agent (`{piotr}`)", listed, Exact);
        Assert.Equal("Done: Piotr Nowak is no longer on the staff list.", removed);
        Assert.DoesNotContain(piotr, after, Exact);
        Assert.Contains("you are not on the staff list", strangerAfter, Exact);
    }

    [Fact]
    public async Task A_user_admin_manages_the_staff_in_Polish_in_a_personal_chat()
    {
        await using var room = Open(env);
        var zofia = Guid.NewGuid().ToString();

        var added = await room.SayInPersonalChatAsync(UserAdminObjectId, $"personel dodaj {zofia} agent sprzedaży Zofia Wójcik", "pl-PL");
        var granted = await room.SayInPersonalChatAsync(UserAdminObjectId, $"Personel dodaj {zofia} administrator rozliczeń", "pl-PL");
        var list = await room.SayInPersonalChatAsync(UserAdminObjectId, "personel", "pl-PL");
        var taken = await room.SayInPersonalChatAsync(UserAdminObjectId, $"personel usuń {zofia} agent sprzedazy", "pl-PL");
        var removed = await room.SayInPersonalChatAsync(UserAdminObjectId, $"personel usun {zofia}", "pl-PL");
        var unknown = await room.SayInPersonalChatAsync(UserAdminObjectId, $"personel dodaj {zofia} kierownik Zofia Wójcik", "pl-PL");
        var nameless = await room.SayInPersonalChatAsync(UserAdminObjectId, $"personel dodaj {zofia} agent pomocy technicznej", "pl-PL");

        Assert.Equal("Gotowe: Zofia Wójcik jest teraz na liście personelu, z rolą „agent sprzedaży”.", added);
        Assert.Equal("Gotowe: Zofia Wójcik ma teraz rolę „administrator rozliczeń”.", granted);
        Assert.Contains("**Personel firmy Contoso Cloud**", list, Exact);
        Assert.Contains($"**Zofia Wójcik**: administrator rozliczeń, agent sprzedaży (`{zofia}`)", list, Exact);
        Assert.Contains($"**{UserAdminName}**: administrator zarządzania użytkownikami (`{UserAdminObjectId}`; w konfiguracji)", list, Exact);
        Assert.Contains("personel usuń <identyfikator obiektu lub @wzmianka> [rola]", list, Exact);
        Assert.Equal("Gotowe: Zofia Wójcik nie ma już roli „agent sprzedaży”.", taken);
        Assert.Equal("Gotowe: Zofia Wójcik nie jest już na liście personelu.", removed);
        Assert.StartsWith("Nie znam roli „kierownik”. Role: agent pomocy technicznej, administrator rozliczeń", unknown, Exact);
        Assert.Contains("Aby ją dodać, podaj też imię i nazwisko", nameless, Exact);
        Assert.DoesNotContain(zofia, await room.SayInPersonalChatAsync(UserAdminObjectId, "personel", "pl-PL"), Exact);
    }

    [Fact]
    public async Task A_user_admin_adds_a_person_by_mentioning_them_and_the_bot_finds_their_object_id_in_Teams()
    {
        await using var room = Open(env);
        var channel = room.ChannelId!;
        var jan = Guid.NewGuid().ToString();
        var janInTeams = "29:1" + Guid.NewGuid().ToString("N");
        env.Channel.AddMember(channel, janInTeams, "Jan Kowalski", aadObjectId: jan, tenantId: PartnerTenant);
        var unknownInTeams = "29:1" + Guid.NewGuid().ToString("N");

        var added = await room.SayInChannelAsync(channel, UserAdminObjectId, "staff add <at>Jan Kowalski</at> billing admin", mentioned: (janInTeams, "Jan Kowalski"));
        var janReads = await room.SayInChannelAsync(channel, jan, "staff");
        var polish = await room.SayInChannelAsync(channel, UserAdminObjectId, "personel usuń <at>Jan Kowalski</at> administrator rozliczeń", "pl-PL", mentioned: (janInTeams, "Jan Kowalski"));
        var notFound = await room.SayInChannelAsync(channel, UserAdminObjectId, "staff add <at>Anna Lis</at> support agent", mentioned: (unknownInTeams, "Anna Lis"));

        Assert.Equal("Done: Jan Kowalski is on the staff list now, with the billing admin role.", added);
        Assert.Contains($"**Jan Kowalski**: billing admin (`{jan}`)", janReads, Exact);
        Assert.Equal("Gotowe: Jan Kowalski nie jest już na liście personelu.", polish);
        Assert.StartsWith("I couldn't look up Anna Lis in Teams. Use their Entra object id instead", notFound, Exact);
        Assert.Contains("you are not on the staff list", await room.SayInChannelAsync(channel, jan, "staff"), Exact);
    }

    [Fact]
    public async Task Staff_without_the_user_admin_role_may_read_the_list_but_not_change_it_and_people_not_on_the_staff_are_told_so()
    {
        await using var room = Open(env);
        var channel = room.ChannelId!;
        var newcomer = Guid.NewGuid().ToString();

        var byBillingAdmin = await room.SayInChannelAsync(channel, BillingAdminObjectId, $"staff add {newcomer} billing admin Adam Mazur");
        var byAgent = await room.SayInPersonalChatAsync(AgentObjectId, $"personel usuń {BillingAdminObjectId}", "pl-PL");
        var byAgentSelf = await room.SayInChannelAsync(channel, AgentObjectId, $"staff add {AgentObjectId} user admin");
        var byStranger = await room.SayInChannelAsync(channel, newcomer, $"staff add {newcomer} user admin Adam Mazur");
        var readByBillingAdmin = await room.SayInChannelAsync(channel, BillingAdminObjectId, "staff");

        Assert.Equal("Sorry, only a user-management admin can change the staff list. Nothing has changed.", byBillingAdmin);
        Assert.Equal("Niestety, listę personelu może zmieniać tylko administrator zarządzania użytkownikami. Nic nie zostało zmienione.", byAgent);
        Assert.Equal("Sorry, only a user-management admin can change the staff list. Nothing has changed.", byAgentSelf);
        Assert.Contains("you are not on the staff list", byStranger, Exact);
        Assert.Contains($"**{BillingAdminName}**: support agent, billing admin", readByBillingAdmin, Exact);
        Assert.Contains("**Jan Nowicki**: support agent (", readByBillingAdmin, Exact);
        Assert.DoesNotContain(newcomer, readByBillingAdmin, Exact);
        Assert.DoesNotContain("To change it", readByBillingAdmin, Exact);
        Assert.Contains("you are not on the staff list", await room.SayInChannelAsync(channel, newcomer, "staff"), Exact);
    }

    [Fact]
    public async Task Configured_people_and_roles_are_managed_in_configuration_but_a_role_added_in_chat_can_be_taken_back()
    {
        await using var room = Open(env);
        var channel = room.ChannelId!;

        var removePerson = await room.SayInChannelAsync(channel, UserAdminObjectId, $"staff remove {BillingAdminObjectId}");
        var removeRole = await room.SayInChannelAsync(channel, UserAdminObjectId, $"staff remove {BillingAdminObjectId} billing admin");
        var removeSelf = await room.SayInChannelAsync(channel, UserAdminObjectId, $"staff remove {UserAdminObjectId} user admin");
        var extra = await room.SayInChannelAsync(channel, UserAdminObjectId, $"staff add {BillingAdminObjectId} sales agent");
        var listed = await room.SayInChannelAsync(channel, UserAdminObjectId, "staff");
        var extraTaken = await room.SayInChannelAsync(channel, UserAdminObjectId, $"staff remove {BillingAdminObjectId} sales agent");
        var after = await room.SayInChannelAsync(channel, UserAdminObjectId, "staff");

        Assert.Equal($"{BillingAdminName} is on the staff list in the bot's configuration (Staff:Members), so they are managed in configuration, not in chat. Nothing has changed.", removePerson);
        Assert.Equal($"{BillingAdminName} has the billing admin role in the bot's configuration (Staff:Members); it is managed in configuration, not in chat. Nothing has changed.", removeRole);
        Assert.Equal($"{UserAdminName} has the user-management admin role in the bot's configuration (Staff:Members); it is managed in configuration, not in chat. Nothing has changed.", removeSelf);
        Assert.Equal($"Done: {BillingAdminName} now has the sales agent role.", extra);
        Assert.Contains($"**{BillingAdminName}**: support agent, billing admin, sales agent (`{BillingAdminObjectId}`; in configuration)", listed, Exact);
        Assert.Equal($"Done: {BillingAdminName} no longer has the sales agent role.", extraTaken);
        Assert.Contains($"**{BillingAdminName}**: support agent, billing admin (`{BillingAdminObjectId}`; in configuration)", after, Exact);
    }

    [Fact]
    public async Task The_last_user_admin_cannot_give_up_the_role_until_there_is_another()
    {
        // The bootstrap admin adds Piotr; the configuration is then changed to drop her, so Piotr is the last one.
        await using var first = Open(env);
        var piotr = Guid.NewGuid().ToString();
        var anna = Guid.NewGuid().ToString();
        Assert.Equal("Done: Piotr Nowak is on the staff list now, with the user-management admin role.",
            await first.SayInPersonalChatAsync(UserAdminObjectId, $"staff add {piotr} UserManagementAdmin Piotr Nowak"));
        await using var room = Open(env, first.TablePrefix, first.ChannelId, s =>
        {
            s["Staff:Members:9:ObjectId"] = null;
            s["Staff:Members:9:Name"] = null;
            s["Staff:Members:9:Roles:0"] = null;
        });

        var alone = await room.SayInPersonalChatAsync(piotr, $"staff remove {piotr} user admin");
        var aloneWhole = await room.SayInPersonalChatAsync(piotr, $"staff remove {piotr}");
        var aloneInPolish = await room.SayInPersonalChatAsync(piotr, $"personel usuń {piotr} administrator zarządzania użytkownikami", "pl-PL");
        var annaAdded = await room.SayInPersonalChatAsync(piotr, $"staff add {anna} user admin Anna Lis");
        var piotrStepsDown = await room.SayInPersonalChatAsync(piotr, $"staff remove {piotr} user admin");
        var piotrAfter = await room.SayInPersonalChatAsync(piotr, "staff");
        var annaAlone = await room.SayInPersonalChatAsync(anna, $"staff remove {anna}");

        Assert.Equal("You are the last user-management admin: add another one before you give up the role, so that someone can still manage the staff. Nothing has changed.", alone);
        Assert.Equal(alone, aloneWhole);
        Assert.StartsWith("Jesteś ostatnią osobą z rolą „administrator zarządzania użytkownikami”", aloneInPolish, Exact);
        Assert.Equal("Done: Anna Lis is on the staff list now, with the user-management admin role.", annaAdded);
        Assert.Equal("Done: Piotr Nowak is no longer on the staff list.", piotrStepsDown);
        Assert.Contains("you are not on the staff list", piotrAfter, Exact);
        Assert.StartsWith("You are the last user-management admin", annaAlone, Exact);
    }

    [Fact]
    public async Task A_change_made_on_one_instance_counts_on_another_at_once()
    {
        await using var a = Open(env);
        await using var b = Open(env, a.TablePrefix, a.ChannelId);
        var channel = a.ChannelId!;
        var piotr = Guid.NewGuid().ToString();

        await a.SayInChannelAsync(channel, UserAdminObjectId, $"staff add {piotr} billing admin Piotr Nowak");
        var onB = await b.SayInChannelAsync(channel, piotr, "staff");
        await b.SayInChannelAsync(channel, UserAdminObjectId, $"staff remove {piotr}");
        var onA = await a.SayInChannelAsync(channel, piotr, "staff");

        Assert.Contains($"**Piotr Nowak**: billing admin (`{piotr}`)", onB, Exact);
        Assert.Contains("you are not on the staff list", onA, Exact);
    }
}
