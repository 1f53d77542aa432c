using BillingBot.App.Escalations;
using BillingBot.App.Reminders;
using BillingBot.Billing.Customers;
using Microsoft.Extensions.DependencyInjection;
using static BillingBot.App.Tests.Conversations.BillingCardsTests;
using static BillingBot.App.Tests.Tickets.TicketWorld;

namespace BillingBot.App.Tests.Tickets;

/// <summary>A customer who disputes an overdue invoice is not pressed to pay it while the dispute is open, and is again once it is resolved.</summary>
public sealed class DisputeDunningTests(TicketWorld world) : IClassFixture<TicketWorld>
{
    [Fact]
    public async Task Given_an_overdue_invoice_under_dispute_Then_it_gets_no_dunning_reminder_until_the_ticket_is_resolved()
    {
        var customer = await world.NewCustomerAsync("pl-PL", SupportPlan.Standard, 4, 4);
        var (disputed, other) = (customer.Invoices[0].Number, customer.Invoices[1].Number);
        await customer.Chat.AskAsync($"chcę złożyć reklamację faktury {disputed}, naliczono nam dwa razy tę samą subskrypcję Microsoft 365 za listopad");
        await customer.Chat.AskAsync("Normalna");
        await customer.Chat.AskAsync("Tak");
        var ticket = await world.OnlyTicketAsync(customer);

        await SweepAsync();

        Assert.Empty(RemindersAbout(customer, disputed, ticket.Number));
        Assert.Single(RemindersAbout(customer, other, ticket.Number));

        await world.ClickAsync(TicketVerbs.Start, AgentObjectId, ticket);
        await world.ClickAsync(TicketVerbs.Resolve, AgentObjectId, ticket);
        world.Time.Advance(TimeSpan.FromHours(1));
        await SweepAsync();

        var reminder = Assert.Single(RemindersAbout(customer, disputed, ticket.Number));
        Assert.Contains($"Faktura {disputed} jest zaległa", reminder, StringComparison.Ordinal);
        Assert.Single(RemindersAbout(customer, other, ticket.Number));
    }

    private Task SweepAsync() => world.Host.Services.GetRequiredService<ReminderScheduler>().SweepAsync(world.Time.GetUtcNow(), CancellationToken.None);

    /// <summary>The reminder cards the customer got about an invoice (the ticket's own notices aside).</summary>
    private List<string> RemindersAbout(TicketCustomer customer, string invoice, string ticketNumber) =>
        [.. world.CardsSentTo(customer.Chat).Select(CardText).Where(t => t.Contains(invoice, StringComparison.Ordinal) && !t.Contains(ticketNumber, StringComparison.Ordinal))];
}
