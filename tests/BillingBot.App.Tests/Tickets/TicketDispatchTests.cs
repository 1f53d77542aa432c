using System.Globalization;
using BillingBot.App.Escalations;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Escalations;
using BillingBot.TestKit.Channel;
using Microsoft.Extensions.DependencyInjection;
using static BillingBot.App.Tests.Conversations.BillingCardsTests;

namespace BillingBot.App.Tests.Tickets;

/// <summary>
/// The agents get every ticket, once: one opened outside support hours waits and is posted when the desk opens, by one
/// of several app instances; one the channel could not take is posted on a later round; numbers stay unique when
/// instances open tickets for one customer at once.
/// </summary>
public sealed class TicketDispatchTests(TicketWorld world) : IClassFixture<TicketWorld>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Given_a_ticket_opened_on_Saturday_night_Then_the_customer_is_told_when_people_are_back_and_one_of_two_instances_posts_it_when_the_desk_opens()
    {
        var second = new RoundSignal();
        var instance = world.StartInstance(second);
        world.MoveTo(DayOfWeek.Saturday, 22);
        var customer = await world.NewCustomerAsync("en-GB", SupportPlan.Standard);

        await customer.Chat.AskAsync("open a ticket");
        await customer.Chat.AskAsync("Technical problem");
        await customer.Chat.AskAsync("Our Exchange Online mailboxes stopped receiving mail from outside the company an hour ago.");
        await customer.Chat.AskAsync("Critical");
        var opened = await customer.Chat.AskAsync("yes");
        var ticket = await world.OnlyTicketAsync(customer);
        var opening = world.NextOpening();
        var back = TimeZoneInfo.ConvertTime(opening, TicketWorld.Warsaw);

        Assert.Contains("Your Standard support plan promises a first response within 8 hours.", opened, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.GetCultureInfo("en-US"), $"Our support team is away now. They will get your ticket when they are back, on {back:d MMMM yyyy}, {back:HH:mm}."), opened, StringComparison.Ordinal);
        Assert.Empty(world.CardsPosted(customer.TenantId, ticket.Number));
        Assert.True(ticket.AwaitsPosting);

        // Nothing waits to be posted but this ticket, so the next round of any instance that posts, posts it.
        var posting = world.NextPostAnywhereAsync();
        world.Time.SetUtcNow(opening.AddMinutes(1));
        // A second tick, in case a timer being created at that instant on another thread swallowed the first
        // (FakeTimeProvider wakes timers on one thread at a time).
        world.Time.Advance(TimeSpan.FromMinutes(2));
        try
        {
            await posting.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            Assert.Fail("No instance posted the ticket when the desk opened. " + string.Join("\n", world.Host.Logs.Lines.Concat(instance.Logs.Lines)
                .Where(l => l.Category.Contains("Escalations", StringComparison.Ordinal) || l.Level >= Microsoft.Extensions.Logging.LogLevel.Warning)
                .Select(l => $"{l.Level} {l.Category}: {l.Message} {l.Exception}")));
        }

        var card = Assert.Single(world.CardsPosted(customer.TenantId, ticket.Number));
        Assert.Contains("Critical", CardText(card), StringComparison.Ordinal);
        Assert.Contains("Exchange Online mailboxes", CardText(card), StringComparison.Ordinal);
        var posted = await world.TicketAsync(customer.TenantId, ticket.Number);
        Assert.NotNull(posted.AgentsCard);
        Assert.Null(posted.PostingClaim);
        Assert.Equal(0, await world.Host.Services.GetRequiredService<TicketDispatcher>().RunOnceAsync(CancellationToken.None));
        Assert.Single(world.CardsPosted(customer.TenantId, ticket.Number));
    }

    [Fact]
    public async Task Given_tickets_the_agents_channel_refused_When_two_instances_dispatch_at_once_Then_each_ticket_is_posted_once()
    {
        world.MoveToOpenDesk();
        var customer = await world.NewCustomerAsync("pl-PL", SupportPlan.Premium);
        var second = world.StartInstance(new RoundSignal());
        var tickets = new List<Ticket>();
        for (var i = 0; i < 3; i++)
        {
            world.Env.Channel.EnqueueResponse(400, FakeTeamsChannel.TeamsErrorBody("BadArgument", "The channel is being moved."));
            tickets.Add(await world.Desk.OpenAsync(new TicketRequest(customer.TenantId, customer.Primary.ObjectId, TicketCategory.BillingQuestion, TicketSeverity.Normal, $"Pytanie {i}", []), CancellationToken.None));
        }

        // Each was tried once, refused, and kept for the next round.
        Assert.All(tickets, t => Assert.Single(world.CardsPosted(customer.TenantId, t.Number)));
        Assert.All(tickets, t => Assert.True(t.AwaitsPosting && t.PostingClaim is null));

        var rounds = await Task.WhenAll(
            world.Host.Services.GetRequiredService<TicketDispatcher>().RunOnceAsync(CancellationToken.None),
            second.Services.GetRequiredService<TicketDispatcher>().RunOnceAsync(CancellationToken.None));

        Assert.Equal(3, rounds.Sum());
        Assert.All(tickets, t => Assert.Equal(2, world.CardsPosted(customer.TenantId, t.Number).Count));
        foreach (var ticket in tickets)
        {
            Assert.NotNull((await world.TicketAsync(customer.TenantId, ticket.Number)).AgentsCard);
        }
    }

    [Fact]
    public async Task Given_two_instances_opening_tickets_for_one_customer_at_once_Then_every_ticket_gets_its_own_number_and_one_card()
    {
        world.MoveToOpenDesk();
        var customer = await world.NewCustomerAsync("en-GB", SupportPlan.Standard);
        var second = world.StartInstance(new RoundSignal()).Services.GetRequiredService<TicketDesk>();
        var desks = new[] { world.Desk, second };

        var opened = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => desks[i % 2].OpenAsync(
            new TicketRequest(customer.TenantId, customer.Primary.ObjectId, TicketCategory.PaymentProblem, TicketSeverity.Normal, $"Payment {i}", []), CancellationToken.None)));

        var year = customer.Customer.LocalDate(world.Time.GetUtcNow()).Year;
        Assert.Equal(Enumerable.Range(1, 6).Select(i => TicketNumbers.Format(year, i)), opened.Select(t => t.Number).Order(StringComparer.Ordinal));
        Assert.Equal(6, (await world.Tickets.ForCustomerAsync(customer.TenantId, CancellationToken.None)).Count);
        Assert.All(opened, t => Assert.Single(world.CardsPosted(customer.TenantId, t.Number)));
    }

    [Fact]
    public async Task Given_an_instance_that_died_after_claiming_a_ticket_Then_another_posts_it_once_the_claim_expires_and_not_before()
    {
        world.MoveToOpenDesk();
        var customer = await world.NewCustomerAsync("en-GB", SupportPlan.Standard);
        world.Env.Channel.EnqueueResponse(400, FakeTeamsChannel.TeamsErrorBody("BadArgument", "The channel is being moved."));
        var ticket = await world.Desk.OpenAsync(new TicketRequest(customer.TenantId, customer.Primary.ObjectId, TicketCategory.BillingQuestion, TicketSeverity.Normal, "Annual billing?", []), CancellationToken.None);
        await world.Tickets.UpdateAsync(customer.TenantId, ticket.Number, t => t.ClaimPosting("instance-that-died", world.Time.GetUtcNow()), CancellationToken.None);

        var whileClaimed = await world.Host.Services.GetRequiredService<TicketDispatcher>().RunOnceAsync(CancellationToken.None);
        var posting = world.NextPostAnywhereAsync();
        world.Time.Advance(TimeSpan.FromMinutes(31));
        var afterExpiry = await posting.WaitAsync(Patience);

        Assert.Equal((0, 1), (whileClaimed, afterExpiry));
        Assert.Equal(2, world.CardsPosted(customer.TenantId, ticket.Number).Count);
        Assert.NotNull((await world.TicketAsync(customer.TenantId, ticket.Number)).AgentsCard);
    }
}
