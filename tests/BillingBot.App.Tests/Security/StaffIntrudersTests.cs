using System.Text.Json;
using System.Text.Json.Nodes;
using BillingBot.App.Escalations;
using BillingBot.App.Handoff;
using BillingBot.App.Reminders.Cards;
using BillingBot.App.Staff;
using BillingBot.App.Suspensions;
using BillingBot.App.Tests.Hosting;
using BillingBot.App.Tests.Suspensions;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Escalations;
using BillingBot.Billing.Handoff;
using BillingBot.Billing.Reminders;
using BillingBot.Billing.Staff;
using BillingBot.Billing.Support;
using BillingBot.Billing.Suspensions;
using Microsoft.Extensions.DependencyInjection;

namespace BillingBot.App.Tests.Security;

/// <summary>
/// What the partner's staff do, tried by everyone else: a customer's person, someone of the partner's tenant with no
/// role, someone of another tenant in the partner's team, and a staff member's object id arriving from another tenant.
/// Each clicks every staff button (suspension approval and postponement, payment claim confirmation, ticket steps,
/// hand-off accept and end, the agents' channel pick) and writes every staff command (the staff list, "use this
/// channel", a summary, a relay into a taken hand-off, the admin commands of the command line): all are refused or
/// heard as a customer's words, and nothing changes — no record, no staff list, no channel, no word to the customer.
/// The agent who took the hand-off still reaches the customer afterwards.
/// </summary>
public sealed class StaffIntrudersTests(SuspensionDesk desk) : IClassFixture<SuspensionDesk>, IAsyncLifetime
{
    private const string Relay = "Please pay to account PL00 0000 EVIL instead";

    public Task InitializeAsync() => desk.InstallInAgentsChannelAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Staff_buttons_and_commands_are_refused_to_customers_strangers_other_tenants_and_spoofed_ids_and_nothing_changes()
    {
        var customer = await desk.NewCustomerAsync("en-US", 31);
        await desk.CustomerSaysAsync(customer, "how much do I owe?");
        await desk.RequestApprovalAsync(customer, customer.Invoices[0]);
        var suspension = await desk.OpenCaseAsync(customer);
        var handoff = await TakenHandoffAsync(customer);
        var thread = HandoffDesk.ThreadOf(handoff)!;
        var ticket = await OpenTicketAsync(customer);
        var controls = desk.Host.Services.GetRequiredService<IReminderControls>();
        await controls.SavePaymentClaimAsync(new PaymentClaim(customer.Customer.TenantId, customer.Invoices[0].Number, customer.Primary.ObjectId, desk.Time.GetUtcNow(), PaymentClaimStatus.Pending), CancellationToken.None);
        var before = await SnapshotAsync(customer, suspension, handoff, ticket);
        var customerHeard = desk.Env.TextsSentTo(customer.PrimaryChat).Count;
        var newcomer = Guid.NewGuid().ToString();

        var intruders = new (string Who, string ObjectId, string TenantId)[]
        {
            ("a customer's person", customer.Primary.ObjectId, customer.Customer.TenantId),
            ("someone of the partner with no role", Guid.NewGuid().ToString(), PartnerStaff.PartnerTenant),
            ("someone of another tenant in the partner's team", Guid.NewGuid().ToString(), customer.Customer.TenantId),
            ("the billing admin's object id from another tenant", PartnerStaff.AdminObjectId, customer.Customer.TenantId),
            ("the accepting agent's object id from another tenant", PartnerStaff.AgentObjectId, customer.Customer.TenantId),
        };
        var clicks = new (string Verb, JsonObject Data)[]
        {
            (SuspensionVerbs.Approve, SuspensionDesk.Data(suspension)),
            (SuspensionVerbs.Postpone, SuspensionDesk.Data(suspension, desk.Time.GetUtcNow().AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))),
            (PaymentClaimCard.Confirm, new JsonObject { ["tenant"] = customer.Customer.TenantId, ["invoice"] = customer.Invoices[0].Number, ["by"] = customer.Primary.ObjectId }),
            (PaymentClaimCard.Reject, new JsonObject { ["tenant"] = customer.Customer.TenantId, ["invoice"] = customer.Invoices[0].Number, ["by"] = customer.Primary.ObjectId }),
            (TicketVerbs.Start, new JsonObject { ["tenant"] = ticket.TenantId, ["ticket"] = ticket.Number }),
            (TicketVerbs.Resolve, new JsonObject { ["tenant"] = ticket.TenantId, ["ticket"] = ticket.Number }),
            (TicketVerbs.Close, new JsonObject { ["tenant"] = ticket.TenantId, ["ticket"] = ticket.Number }),
            (HandoffVerbs.Accept, new JsonObject { [HandoffVerbs.HandoffField] = handoff.HandoffId }),
            (HandoffVerbs.End, new JsonObject { [HandoffVerbs.HandoffField] = handoff.HandoffId }),
            (AgentsChannelPicker.UseVerb, new JsonObject()),
        };
        var refusals = new List<string>();
        foreach (var (who, objectId, tenantId) in intruders)
        {
            foreach (var (verb, data) in clicks)
            {
                var answer = await desk.ClickAsync(verb, objectId, (JsonObject)data.DeepClone(), tenantId: tenantId, threadConversationId: verb.StartsWith(HandoffVerbs.Prefix, StringComparison.Ordinal) ? thread : null);
                Assert.True(answer.Type == "application/vnd.microsoft.activity.message", $"{who}: {verb} was answered with {answer.Body.ToJsonString()}");
                refusals.Add(answer.Message);
            }

            await desk.StaffSaysAsync(objectId, thread, Relay, tenantId: tenantId);
            await desk.StaffSaysAsync(objectId, thread, "koniec", tenantId: tenantId);
            foreach (var command in new[] { $"staff add {newcomer} user admin Mallory", $"staff add {objectId} billing admin", "use this channel", "summary " + customer.Customer.Name, "seed", "import samples/customers.csv" })
            {
                await desk.StaffSaysAsync(objectId, SuspensionDesk.ChannelId + ";messageid=" + Random.Shared.NextInt64(1_700_000_000_000, 1_800_000_000_000), command, tenantId: tenantId);
            }

            await desk.StaffSaysAsync(objectId, "19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2", "use this channel", tenantId: tenantId);
        }

        Assert.DoesNotContain(desk.Env.TextsSentTo(customer.PrimaryChat).Skip(customerHeard), t => t.Contains("EVIL", StringComparison.Ordinal) || t.Contains("ended", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(before, await SnapshotAsync(customer, suspension, handoff, ticket));
        Assert.Null(await desk.Host.Services.GetRequiredService<IStaffDirectory>().FindAsync(newcomer, CancellationToken.None));
        Assert.DoesNotContain(refusals, r => r.StartsWith("Done", StringComparison.Ordinal));

        // The relay itself works: the agent who took it reaches the customer.
        await desk.StaffSaysAsync(PartnerStaff.AgentObjectId, thread, "Jan here, I am checking it now.");
        Assert.Contains(desk.Env.TextsSentTo(customer.PrimaryChat), t => t.Contains("Jan here, I am checking it now.", StringComparison.Ordinal));
    }

    private async Task<HandoffRequest> TakenHandoffAsync(CustomerOnDesk customer)
    {
        await desk.CustomerSaysAsync(customer, "I want to talk to a person");
        var handoffs = desk.Host.Services.GetRequiredService<IHandoffRequests>();
        var request = await handoffs.FindOpenByConversationAsync(customer.PrimaryChat, CancellationToken.None)
            ?? throw new Xunit.Sdk.XunitException("The customer has no open hand-off.");
        var accepted = await desk.ClickAsync(HandoffVerbs.Accept, PartnerStaff.AgentObjectId, new JsonObject { [HandoffVerbs.HandoffField] = request.HandoffId }, threadConversationId: HandoffDesk.ThreadOf(request));
        Assert.Equal(System.Net.HttpStatusCode.OK, accepted.Status);
        return (await handoffs.FindAsync(request.HandoffId, CancellationToken.None))!;
    }

    private async Task<Ticket> OpenTicketAsync(CustomerOnDesk customer)
    {
        var services = desk.Host.Services;
        var ticket = Ticket.Open(customer.Customer.TenantId, "T-2026-0101", TicketCategory.BillingQuestion, TicketSeverity.Normal, "Why is this invoice higher?", [],
            customer.Customer.SupportPlan, services.GetRequiredService<SupportOffer>(), customer.Primary.ObjectId, desk.Time.GetUtcNow());
        await services.GetRequiredService<ITickets>().OpenAsync(ticket, CancellationToken.None);
        return ticket;
    }

    /// <summary>Everything an intruder could have changed, as stored.</summary>
    private async Task<string> SnapshotAsync(CustomerOnDesk customer, SuspensionCase suspension, HandoffRequest handoff, Ticket ticket)
    {
        var services = desk.Host.Services;
        var tenant = customer.Customer.TenantId;
        var @case = await services.GetRequiredService<ISuspensionCases>().FindAsync(tenant, suspension.CaseId, CancellationToken.None);
        var request = await services.GetRequiredService<IHandoffRequests>().FindAsync(handoff.HandoffId, CancellationToken.None);
        var stored = await services.GetRequiredService<ITickets>().FindAsync(tenant, ticket.Number, CancellationToken.None);
        var claims = (await services.GetRequiredService<IReminderControls>().ForCustomerAsync(tenant, CancellationToken.None)).PaymentClaims;
        var staff = await services.GetRequiredService<IStaffRoster>().ListAsync(CancellationToken.None);
        var channel = await services.GetRequiredService<AgentsChannel>().TargetAsync(CancellationToken.None);
        return JsonSerializer.Serialize(new
        {
            Case = new { @case!.State, @case.History.Count },
            Handoff = new { request!.State, request.AcceptedBy, request.History.Count },
            Ticket = new { stored!.Status, stored.History.Count },
            Claims = claims.Select(c => new { c.InvoiceNumber, c.Status }),
            Staff = staff.Select(s => new { s.ObjectId, Roles = string.Join(",", s.Roles) }),
            Channel = channel,
            Customers = (await services.GetRequiredService<ICustomerRepository>().ListAsync(CancellationToken.None)).Count,
        });
    }
}
