using System.Text.Json.Nodes;
using Azure.Data.Tables;
using BillingBot.App.Bot;
using BillingBot.App.Resources;
using BillingBot.App.Tests.Conversations;
using BillingBot.App.Tests.Hosting;
using BillingBot.Billing;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BillingBot.App.Tests.Sales;

/// <summary>Touchpoints are kept on the side: when their table fails, customers are still answered and leads still reach sales.</summary>
public sealed class TouchpointOutageTests(SalesDesk desk) : IClassFixture<SalesDesk>
{
    [Fact]
    public async Task Given_the_touchpoint_table_is_gone_When_a_customer_asks_a_question_and_to_buy_more_Then_both_are_answered_the_lead_is_posted_and_warnings_are_logged()
    {
        await using var host = new BotHost(desk.Env.Azurite, settings: SalesDesk.Settings());
        using var http = host.CreateHttpClient();
        await desk.InstallInAgentsChannelAsync(host, http);
        var contact = new BillingContact(Guid.NewGuid().ToString(), "Tomasz Wójcik", "tomasz@litware.example", BillingContactRole.Primary);
        var customer = new Customer(Guid.NewGuid().ToString(), "Litware S.A. " + Guid.NewGuid().ToString("N")[..6], "PLN", "pl-PL", "Europe/Warsaw", 21, SupportPlan.Basic, [contact]);
        await host.Services.GetRequiredService<ICustomerRepository>().UpsertAsync(customer, CancellationToken.None);
        var due = customer.LocalDate(DateTimeOffset.UtcNow).AddDays(10);
        await host.Services.GetRequiredService<IInvoiceRepository>().UpsertAsync(
            new Invoice("FV/2026/11/901", customer.TenantId, BillingPeriod.Month(due.AddMonths(-1).Year, due.AddMonths(-1).Month), due.AddDays(-21), due,
                new Money(100m, "PLN"), new Money(23m, "PLN"), new Money(123m, "PLN"), Money.Zero("PLN"), [], null, InvoiceStatus.Issued),
            CancellationToken.None);
        await new TableServiceClient(desk.Env.Azurite.ConnectionString).DeleteTableAsync(host.TablePrefix + "Touchpoints");
        var chat = Activities.NewConversationId();

        var balance = await SayAsync(host, http, customer, contact, chat, "ile w tej chwili wynosi moje saldo?");
        var lead = await SayAsync(host, http, customer, contact, chat, "chcemy dokupić 10 licencji Copilot dla zarządu");

        Assert.NotEmpty(balance);
        Assert.DoesNotContain(balance, a => a.Text?.StartsWith("Przepraszam", StringComparison.Ordinal) == true);
        Assert.Equal(SalesTexts.For(BotCulture.Polish).Format("Lead_Passed", "Contoso Cloud"), Assert.Single(lead).Text);
        var card = Assert.Single(SalesDesk.LeadCards(desk.Env, customer));
        Assert.Contains(SalesTexts.For(BotCulture.English)["Lead_HistoryUnavailable"], BillingCardsTests.CardText(card), StringComparison.Ordinal);
        Assert.Equal(3, host.Logs.Lines.Count(l => l.Level == LogLevel.Warning && l.EventId.Id == 7501));
        Assert.Single(host.Logs.Lines, l => l.Level == LogLevel.Warning && l.EventId.Id == 7513);
    }

    private async Task<IReadOnlyList<Activity>> SayAsync(BotHost host, HttpClient http, Customer customer, BillingContact contact, string chat, string text)
    {
        var message = Activities.Message(desk.Env.Channel.ServiceUrl, chat, text, "pl-PL");
        message["from"] = new JsonObject { ["id"] = "29:" + contact.ObjectId, ["name"] = contact.Name, ["aadObjectId"] = contact.ObjectId };
        message["conversation"]!["tenantId"] = customer.TenantId;
        message["channelData"]!["tenant"]!["id"] = customer.TenantId;
        var before = desk.Env.ActivitiesSentTo(chat).Count;
        using var response = await host.PostActivityAsync(http, message);
        Assert.True(response.IsSuccessStatusCode);
        return [.. desk.Env.ActivitiesSentTo(chat).Skip(before)];
    }
}
