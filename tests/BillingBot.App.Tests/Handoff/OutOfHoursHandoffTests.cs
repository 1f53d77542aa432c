using System.Text.Json;
using BillingBot.App.Escalations;
using BillingBot.App.Handoff;
using BillingBot.App.Tests.Conversations;
using BillingBot.App.Tests.Suspensions;
using BillingBot.Billing.Escalations;
using BillingBot.Billing.Handoff;
using BillingBot.Protocol.Cards;
using BillingBot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace BillingBot.App.Tests.Handoff;

/// <summary>
/// Asked for outside support hours (Monday 18:30 in Warsaw, the desk closes at 18:00), a hand-off becomes a ticket:
/// the customer is told when people are back and the ticket's number, and the agents get it when the desk opens.
/// </summary>
public sealed class OutOfHoursHandoffTests(SuspensionDesk desk) : IClassFixture<SuspensionDesk>, IAsyncLifetime
{
    /// <summary>Monday 18:30 in Warsaw.</summary>
    private static readonly DateTimeOffset Evening = SuspensionDesk.Start.AddHours(9.5);

    public async Task InitializeAsync()
    {
        await desk.InstallInAgentsChannelAsync();
        if (desk.Time.GetUtcNow() < Evening)
        {
            desk.Time.SetUtcNow(Evening);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Outside_hours_the_request_becomes_a_ticket_with_the_conversation_and_the_agents_get_it_when_they_are_back()
    {
        var customer = await desk.NewCustomerAsync("pl-PL", 10);
        var invoice = customer.Invoices[0].Number;
        await desk.CustomerSaysAsync(customer, $"jaki jest status faktury {invoice}?");
        var channelPostsBefore = desk.Env.RequestsTo(SuspensionDesk.ChannelId).Count(r => r.Method == "POST");

        var answer = string.Join("\n", (await desk.CustomerSaysAsync(customer, "chcę porozmawiać z konsultantem")).Select(SeededConversation.Visible));

        var tickets = desk.Host.Services.GetRequiredService<ITickets>();
        var ticket = Assert.Single(await tickets.ForCustomerAsync(customer.Customer.TenantId, CancellationToken.None));
        Assert.Contains("wracamy 15 grudnia 2026 08:00", answer, StringComparison.Ordinal);
        Assert.Contains($"w zgłoszenie {ticket.Number}", answer, StringComparison.Ordinal);
        Assert.Equal((TicketCategory.BillingQuestion, TicketStatus.New), (ticket.Category, ticket.Status));
        Assert.Equal([invoice], ticket.InvoiceNumbers);
        Assert.Contains($"jaki jest status faktury {invoice}?", ticket.Description, StringComparison.Ordinal);
        Assert.Null(ticket.AgentsCard);
        var handoff = (await desk.Host.Services.GetRequiredService<IHandoffRequests>().FindAsync(ticket.HandoffId!, CancellationToken.None))!;
        Assert.Equal((HandoffState.Ticketed, ticket.Number), (handoff.State, handoff.TicketNumber));
        Assert.Equal(channelPostsBefore, desk.Env.RequestsTo(SuspensionDesk.ChannelId).Count(r => r.Method == "POST"));

        // The customer writes again meanwhile: the bot answers, as no person is on the other end.
        var meanwhile = await desk.CustomerSaysAsync(customer, "ile jestem winien?");
        Assert.NotEmpty(meanwhile);

        // The desk opens: the dispatcher (on the same clock) or this call, whichever claims it first, posts the card.
        var requestsBefore = desk.Env.Channel.Requests.Count;
        desk.Time.SetUtcNow(new DateTimeOffset(2026, 12, 15, 7, 0, 0, TimeSpan.Zero));
        await desk.Host.Services.GetRequiredService<TicketDesk>().DispatchWaitingAsync(CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await desk.Env.Channel.WaitForRequestsAsync(requestsBefore + 1, timeout.Token);

        var card = desk.Env.RequestsTo(SuspensionDesk.ChannelId).Where(r => r.Method == "POST" && r.Body is not null)
            .Select(r => SeededConversation.CardOf(r.Body!.Deserialize<Activity>(ProtocolJson.Options)!)).OfType<AdaptiveCard>()
            .Single(c => BillingCardsTests.CardText(c).Contains(ticket.Number, StringComparison.Ordinal) && BillingCardsTests.CardText(c).Contains(customer.Customer.Name, StringComparison.Ordinal));
        Assert.Contains(invoice, BillingCardsTests.CardText(card), StringComparison.Ordinal);
    }
}
