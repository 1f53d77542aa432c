using BillingBot.App.Reminders;
using BillingBot.App.Staff;
using BillingBot.App.Tests.Hosting;
using BillingBot.Protocol.Authentication;
using BillingBot.Protocol.Cards;
using Microsoft.Extensions.DependencyInjection;
using static BillingBot.App.Tests.Conversations.BillingCardsTests;
using static BillingBot.App.Tests.Staff.StaffRoom;

namespace BillingBot.App.Tests.Staff;

/// <summary>
/// The agents' channel is chosen in Teams: with the button the bot adds to its welcome in a channel, or by writing
/// "use this channel" there. Only a user-management admin may choose; the choice wins over configuration, the bot
/// then posts there (on every instance at once), and the previous channel is told.
/// </summary>
public sealed class AgentsChannelPickTests(BotEnvironment env) : IClassFixture<BotEnvironment>
{
    private const StringComparison Exact = StringComparison.Ordinal;
    private const string Refusal = "only a user-management admin of Contoso Cloud can choose the agents' channel. Nothing has changed.";

    [Fact]
    public async Task Installed_in_another_channel_the_bot_offers_it_and_after_a_user_admin_clicks_posts_go_there_and_the_old_channel_is_told()
    {
        await using var room = Open(env);
        var configured = room.ChannelId!;
        var installedInAgents = await room.InstallInChannelAsync(configured, BillingAdminObjectId);
        var other = NewChannelId();

        var welcome = await room.InstallInChannelAsync(other, BillingAdminObjectId);
        var refused = await room.ClickAsync(other, BillingAdminObjectId, AgentsChannelPicker.UseVerb);
        await NotifyAsync(room, "Before the pick");
        var picked = await room.ClickAsync(other, UserAdminObjectId, AgentsChannelPicker.UseVerb);
        await NotifyAsync(room, "After the pick");

        Assert.Single(installedInAgents);
        Assert.Equal(2, welcome.Count);
        var offer = Conversations.SeededConversation.CardOf(welcome[1])!;
        Assert.Equal("Use this channel for hand-offs and approvals", Assert.IsType<AdaptiveExecuteAction>(Assert.Single(offer.Actions!)).Title);
        Assert.EndsWith(Refusal, refused.Message, Exact);
        Assert.Contains($"Done: this is the agents' channel now. Hand-offs and approvals will be posted here (chosen by {UserAdminName}).", CardText(picked.Card), Exact);
        Assert.Null(picked.Card.Actions);
        Assert.Contains(room.PostedIn(configured), p => p.Contains("Before the pick", Exact));
        Assert.DoesNotContain(room.PostedIn(configured), p => p.Contains("After the pick", Exact));
        Assert.Contains(room.PostedIn(other), p => p.Contains("After the pick", Exact));
        Assert.DoesNotContain(room.PostedIn(other), p => p.Contains("Before the pick", Exact));
        Assert.Contains($"From now on, hand-offs and approvals go to another channel (chosen by {UserAdminName}).", room.PostedIn(configured));
    }

    [Fact]
    public async Task Written_in_Polish_in_a_channel_the_bot_was_never_installed_in_the_pick_works_and_the_staff_desk_moves_there()
    {
        await using var room = Open(env);
        await room.InstallInChannelAsync(room.ChannelId!, UserAdminObjectId);
        var other = NewChannelId();

        var deskBefore = await room.SayInChannelAsync(other, UserAdminObjectId, "staff");
        var answer = await room.SayInChannelAsync(other, UserAdminObjectId, "Użyj tego kanału", "pl-PL");
        var again = await room.SayInChannelAsync(other, UserAdminObjectId, "use this channel");
        await NotifyAsync(room, "Where does this go?");
        var deskAfter = await room.SayInChannelAsync(other, UserAdminObjectId, "staff");

        Assert.DoesNotContain(UserAdminName, deskBefore, Exact);
        Assert.Equal($"Gotowe: to jest teraz kanał agentów. Przekazania rozmów i zatwierdzenia będą trafiać tutaj (wybór: {UserAdminName}).", answer);
        Assert.Equal("This channel is already the agents' channel. Nothing has changed.", again);
        Assert.Contains(room.PostedIn(other), p => p.Contains("Where does this go?", Exact));
        Assert.Contains($"**{UserAdminName}**: user-management admin", deskAfter, Exact);
    }

    [Fact]
    public async Task Staff_without_the_user_admin_role_cannot_pick_a_channel_and_posts_stay_where_they_were()
    {
        await using var room = Open(env);
        var configured = room.ChannelId!;
        await room.InstallInChannelAsync(configured, UserAdminObjectId);
        var other = NewChannelId();

        var byBillingAdmin = await room.SayInChannelAsync(other, BillingAdminObjectId, "use this channel");
        var byAgent = await room.SayInChannelAsync(other, AgentObjectId, "użyj tego kanału", "pl-PL");
        var byStranger = await room.SayInChannelAsync(other, Guid.NewGuid().ToString(), "use this channel");
        var inPersonalChat = await room.SayInPersonalChatAsync(UserAdminObjectId, "use this channel");
        await NotifyAsync(room, "Still here");

        Assert.Equal("Sorry, " + Refusal, byBillingAdmin);
        Assert.Equal("Niestety, kanał agentów może wybrać tylko administrator zarządzania użytkownikami firmy Contoso Cloud. Nic nie zostało zmienione.", byAgent);
        Assert.Equal("Sorry, " + Refusal, byStranger);
        Assert.StartsWith("Write `use this channel` in the team channel", inPersonalChat, Exact);
        Assert.Contains(room.PostedIn(configured), p => p.Contains("Still here", Exact));
        Assert.Empty(room.PostedIn(other));
    }

    [Fact]
    public async Task With_no_agents_channel_configured_the_configured_user_admin_installs_and_picks_one_and_others_cannot()
    {
        await using var room = Open(env, change: s =>
        {
            s["Agents:TenantId"] = null;
            s["Agents:ChannelId"] = null;
        });
        var channel = NewChannelId();
        var customerTenant = Guid.NewGuid().ToString();
        var customersChannel = NewChannelId();

        var installedByAgent = await room.InstallInChannelAsync(NewChannelId(), AgentObjectId);
        var welcome = await room.InstallInChannelAsync(channel, UserAdminObjectId);
        var byCustomer = await room.SayInChannelAsync(customersChannel, Guid.NewGuid().ToString(), "use this channel", tenantId: customerTenant);
        var byBillingAdmin = await room.ClickAsync(channel, BillingAdminObjectId, AgentsChannelPicker.UseVerb);
        await NotifyAsync(room, "Nowhere yet");
        var picked = await room.ClickAsync(channel, UserAdminObjectId, AgentsChannelPicker.UseVerb);
        await NotifyAsync(room, "Now in the picked channel");
        var desk = await room.SayInChannelAsync(channel, BillingAdminObjectId, "staff");

        Assert.Single(installedByAgent);
        Assert.Contains("Use this channel for hand-offs and approvals", Conversations.SeededConversation.Visible(welcome[^1]), Exact);
        Assert.Equal("Sorry, " + Refusal, byCustomer);
        Assert.EndsWith(Refusal, byBillingAdmin.Message, Exact);
        Assert.Contains("this is the agents' channel now", CardText(picked.Card), Exact);
        // The notice that found no channel was kept, and follows the first one posted once there is a channel.
        var posted = room.PostedIn(channel).Where(p => p.Contains("Nowhere yet", Exact) || p.Contains("Now in the picked channel", Exact));
        Assert.Equal(["new", "kept"], posted.Select(p => p.Contains("Nowhere yet", Exact) ? "kept" : "new"));
        Assert.Contains($"**{BillingAdminName}**: support agent, billing admin", desk, Exact);
    }

    [Fact]
    public async Task With_only_the_partner_tenant_configured_a_channel_is_picked_there_and_other_tenants_channels_are_left_to_customers()
    {
        await using var room = Open(env, change: s => s["Agents:ChannelId"] = null);
        var channel = NewChannelId();
        var customersChannel = NewChannelId();

        var customerSays = await room.SayInChannelAsync(customersChannel, UserAdminObjectId, "use this channel", tenantId: Guid.NewGuid().ToString());
        var answer = await room.SayInChannelAsync(channel, UserAdminObjectId, "use this channel");
        await NotifyAsync(room, "To the picked channel");

        Assert.DoesNotContain("agents' channel", customerSays, Exact);
        Assert.StartsWith("Done: this is the agents' channel now.", answer, Exact);
        Assert.Contains(room.PostedIn(channel), p => p.Contains("To the picked channel", Exact));
    }

    [Fact]
    public async Task A_channel_picked_on_one_instance_is_where_every_instance_posts()
    {
        await using var a = Open(env);
        await using var b = Open(env, a.TablePrefix, a.ChannelId);
        await a.InstallInChannelAsync(a.ChannelId!, UserAdminObjectId);
        var other = NewChannelId();

        // Teams' hosts are trusted by configuration; the fake channel is on loopback, so the second instance learns it by hand.
        b.Host.Services.GetRequiredService<TrustedServiceUrls>().Trust(env.Channel.ServiceUrl.ToString());

        await a.SayInChannelAsync(other, UserAdminObjectId, "use this channel");
        await NotifyAsync(b, "Posted by the other instance");

        Assert.Contains(b.PostedIn(other), p => p.Contains("Posted by the other instance", Exact));
        Assert.DoesNotContain(b.PostedIn(a.ChannelId!), p => p.Contains("Posted by the other instance", Exact));
    }

    private static Task NotifyAsync(StaffRoom room, string subject) =>
        room.Host.Services.GetRequiredService<IBillingTeamNotifier>().NotifyAsync(
            new BillingTeamNotice(Guid.NewGuid().ToString(), subject, "Something the billing team must know."), CancellationToken.None);
}
