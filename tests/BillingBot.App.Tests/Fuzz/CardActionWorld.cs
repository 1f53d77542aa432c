using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BillingBot.App.Escalations;
using BillingBot.App.Reminders;
using BillingBot.App.Tests.Hosting;
using BillingBot.Billing;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Escalations;
using BillingBot.Billing.Handoff;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using BillingBot.Billing.Staff;
using BillingBot.Billing.Suspensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace BillingBot.App.Tests.Fuzz;

/// <summary>
/// The app as the partner runs it (its staff, its agents' channel installed, a clock on a Monday morning when the desk
/// is open), with one customer in the middle of everything a card can act on: overdue invoices, a suspension case
/// awaiting approval, a ticket, a hand-off awaiting an agent and a payment claim awaiting a billing admin; and a second
/// customer, whose ids an invoke may carry where they do not belong.
/// </summary>
public sealed class CardActionWorld : IAsyncLifetime
{
    /// <summary>Monday 14 December 2026, 09:00 in Warsaw: the support desk is open.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 12, 14, 8, 0, 0, TimeSpan.Zero);

    private HttpClient _http = null!;

    public CardActionWorld()
    {
        Host = new BotHost(Env.Azurite, settings: PartnerStaff.Settings(), services: services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            QuietLogging.Apply(services);
        });
    }

    public BotEnvironment Env { get; } = new();

    public BotHost Host { get; }

    public FakeTimeProvider Time { get; } = new(Monday);

    public Customer Customer { get; private set; } = null!;

    public Customer Other { get; private set; } = null!;

    public IReadOnlyList<Invoice> Invoices { get; private set; } = [];

    public string CustomerChat { get; private set; } = null!;

    public SuspensionCase Case { get; private set; } = null!;

    public Ticket Ticket { get; private set; } = null!;

    public HandoffRequest Handoff { get; private set; } = null!;

    public PaymentClaim Claim { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Env.InitializeAsync();
        _http = Host.CreateHttpClient();
        await PostAsync(PartnerStaff.ChannelInstall(Env.Channel.ServiceUrl, PartnerStaff.ChannelId, PartnerStaff.AdminObjectId));

        Customer = await NewCustomerAsync("pl-PL", "Fabrikam Polska sp. z o.o.", "PLN", "Europe/Warsaw");
        Other = await NewCustomerAsync("en-GB", "Tailspin Toys B.V.", "EUR", "Europe/Amsterdam");
        var today = Customer.LocalDate(Monday);
        Invoices = [NewInvoice(Customer, "FV/2026/10/101", today.AddDays(-35)), NewInvoice(Customer, "FV/2026/11/102", today.AddDays(-10))];
        await Service<IInvoiceRepository>().UpsertManyAsync(Invoices, CancellationToken.None);
        await Service<IInvoiceRepository>().UpsertAsync(NewInvoice(Other, "FV/2026/11/901", today.AddDays(-5)), CancellationToken.None);
        CustomerChat = await InstallForAsync(Customer, Customer.Contacts[0].ObjectId);

        var reminder = new PlannedReminder(Customer.TenantId, Invoices[0].Number, ReminderKind.Suspension, 30, Invoices[0].DueDate.AddDays(30), "suspension-30", []);
        await Service<ISuspensionWorkflow>().RequestApprovalAsync(reminder, Customer, Invoices[0], CancellationToken.None);
        Case = await Service<ISuspensionCases>().FindOpenAsync(Customer.TenantId, CancellationToken.None) ?? throw new InvalidOperationException("No suspension case was opened.");

        Ticket = await Service<TicketDesk>().OpenAsync(
            new TicketRequest(Customer.TenantId, Customer.Contacts[0].ObjectId, TicketCategory.BillingQuestion, TicketSeverity.Normal, "Dlaczego faktura FV/2026/11/102 jest wyższa?", [Invoices[1].Number]),
            CancellationToken.None);

        await SayAsync(Customer, Customer.Contacts[0].ObjectId, CustomerChat, "chcę porozmawiać z konsultantem");
        Handoff = await Service<IHandoffRequests>().FindOpenByConversationAsync(CustomerChat, CancellationToken.None) ?? throw new InvalidOperationException("No hand-off was requested.");

        Claim = new PaymentClaim(Customer.TenantId, Invoices[1].Number, Customer.Contacts[0].ObjectId, Monday, PaymentClaimStatus.Pending);
        await Service<IReminderControls>().SavePaymentClaimAsync(Claim, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await Host.DisposeAsync();
        await Env.DisposeAsync();
    }

    public T Service<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>Posts a body as Teams would; returns the status and the body of the answer.</summary>
    public async Task<(int Status, string Body)> PostRawAsync(JsonObject activity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(activity.ToJsonString())),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// What the card actions could change, as stored now: the case, the ticket, the hand-off, the customer's reminder
    /// controls and invoices, and the agents' channel pick.
    /// </summary>
    public async Task<string> SnapshotAsync()
    {
        var parts = new object?[]
        {
            await Service<ISuspensionCases>().FindAsync(Case.TenantId, Case.CaseId, CancellationToken.None),
            await Service<ITickets>().FindAsync(Ticket.TenantId, Ticket.Number, CancellationToken.None),
            await Service<IHandoffRequests>().FindAsync(Handoff.HandoffId, CancellationToken.None),
            await Service<IReminderControls>().ForCustomerAsync(Customer.TenantId, CancellationToken.None),
            await Service<IInvoiceRepository>().ListForCustomerAsync(Customer.TenantId, CancellationToken.None),
            await Service<IAgentsChannelPicks>().CurrentAsync(CancellationToken.None),
        };
        return string.Join("\n", parts.Select(p => JsonSerializer.Serialize(p)));
    }

    private async Task PostAsync(JsonObject activity)
    {
        var (status, _) = await PostRawAsync(activity);
        if (status is < 200 or >= 300)
        {
            throw new InvalidOperationException($"Setting up the world, the bot answered {status}.");
        }
    }

    private async Task<Customer> NewCustomerAsync(string locale, string name, string currency, string timeZone)
    {
        var tenant = Guid.NewGuid().ToString();
        var contacts = new[]
        {
            new BillingContact(Guid.NewGuid().ToString(), "Anna Wiśniewska", "primary@customer.example", BillingContactRole.Primary),
            new BillingContact(Guid.NewGuid().ToString(), "Karol Lis", "ap@customer.example", BillingContactRole.Billing),
            new BillingContact(Guid.NewGuid().ToString(), "Piotr Zając", "it@customer.example", BillingContactRole.Technical),
        };
        var customer = new Customer(tenant, name, currency, locale, timeZone, 14, SupportPlan.Standard, contacts);
        await Service<ICustomerRepository>().UpsertAsync(customer, CancellationToken.None);
        return customer;
    }

    private async Task<string> InstallForAsync(Customer customer, string objectId)
    {
        var conversation = Activities.NewConversationId();
        var install = Activities.InstallationUpdate(Env.Channel.ServiceUrl, conversation, "add", customer.Locale);
        install["from"] = new JsonObject { ["id"] = "29:" + objectId, ["aadObjectId"] = objectId };
        install["conversation"]!["tenantId"] = customer.TenantId;
        install["channelData"]!["tenant"]!["id"] = customer.TenantId;
        await PostAsync(install);
        return conversation;
    }

    private async Task SayAsync(Customer customer, string objectId, string conversation, string text)
    {
        var message = Activities.Message(Env.Channel.ServiceUrl, conversation, text, customer.Locale);
        message["from"] = new JsonObject { ["id"] = "29:" + objectId, ["name"] = "Anna Wiśniewska", ["aadObjectId"] = objectId };
        message["conversation"]!["tenantId"] = customer.TenantId;
        message["channelData"]!["tenant"]!["id"] = customer.TenantId;
        await PostAsync(message);
    }

    private static Invoice NewInvoice(Customer customer, string number, DateOnly due)
    {
        var issued = due.AddDays(-customer.PaymentTermDays);
        var tax = customer.Currency == "PLN" ? 230m : 0m;
        return new Invoice(
            number, customer.TenantId, BillingPeriod.Month(issued.AddMonths(-1).Year, issued.AddMonths(-1).Month), issued, due,
            new Money(1000m, customer.Currency), new Money(tax, customer.Currency), new Money(1000m + tax, customer.Currency), Money.Zero(customer.Currency),
            [new InvoiceLine("Microsoft 365 Business Premium", 10m, new Money(1000m, customer.Currency))], null, InvoiceStatus.Overdue);
    }
}
