using System.Text.Json;
using System.Text.Json.Nodes;
using BillingBot.App.Conversations.Cards;
using BillingBot.App.Escalations;
using BillingBot.App.Handoff;
using BillingBot.App.Reminders.Cards;
using BillingBot.App.Suspensions;
using BillingBot.App.Tests.Hosting;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Escalations;
using BillingBot.Billing.Handoff;
using BillingBot.Billing.Reminders;
using BillingBot.Billing.Staff;
using BillingBot.Billing.Support;
using BillingBot.Billing.Suspensions;
using BillingBot.Billing.Understanding;
using Microsoft.Extensions.DependencyInjection;

namespace BillingBot.App.Tests.Security;

/// <summary>
/// A customer's person edits the data of a card button to name another tenant's invoice, ticket, hand-off, payment
/// claim or suspension case (and its tenant id), and clicks. Every click is refused with a message, none shows the
/// other tenant's card, and the other tenant's records are exactly as they were.
/// </summary>
[Collection(SecurityWorldCollection.Name)]
public sealed class CardTamperingTests(TwoInstanceWorld world)
{
    private const string MessageType = "application/vnd.microsoft.activity.message";

    [Fact]
    public async Task Buttons_edited_to_name_another_tenants_records_are_refused_and_change_nothing_there()
    {
        var (me, victim) = (world.Customers[0], world.Customers.First(c => c.TenantId != world.Customers[0].TenantId && world.Invoices[c.TenantId].Count > 0));
        var myself = me.Contacts.First(c => c.CanSeeAmounts).ObjectId;
        var theirPerson = victim.Contacts[0].ObjectId;
        var theirInvoice = world.Invoices[victim.TenantId][0].Number;
        var records = await TheirRecordsAsync(victim, theirPerson, theirInvoice);
        var before = await SnapshotAsync(victim.TenantId, records);
        var conversation = Activities.NewConversationId();
        var reminder = new JsonObject
        {
            ["invoice"] = theirInvoice, ["tenant"] = victim.TenantId, ["kind"] = nameof(ReminderKind.Overdue), ["stage"] = "overdue-3", ["offset"] = 3,
            ["date"] = "2026-11-20", ["lang"] = "en", [ReminderCard.LaterInput] = "2026-12-01", [ReminderCard.PromiseInput] = "2026-12-01",
        };

        var clicks = new (string Verb, JsonObject Data)[]
        {
            (ReminderCard.Paid, reminder), (ReminderCard.Later, reminder), (ReminderCard.Promise, reminder), (ReminderCard.Refresh, reminder),
            (TicketVerbs.Answer, new JsonObject { ["tenant"] = victim.TenantId, ["ticket"] = records.TicketNumber, [TicketVerbs.AnswerInput] = "it was paid" }),
            (TicketVerbs.Resolve, new JsonObject { ["tenant"] = victim.TenantId, ["ticket"] = records.TicketNumber }),
            (TicketVerbs.Refresh, new JsonObject { ["tenant"] = victim.TenantId, ["ticket"] = records.TicketNumber }),
            (HandoffVerbs.Rate, new JsonObject { [HandoffVerbs.HandoffField] = records.HandoffId, [HandoffVerbs.StarsField] = "1" }),
            (HandoffVerbs.Accept, new JsonObject { [HandoffVerbs.HandoffField] = records.HandoffId }),
            (HandoffVerbs.Refresh, new JsonObject { [HandoffVerbs.HandoffField] = records.HandoffId }),
            (PaymentClaimCard.Confirm, new JsonObject { ["tenant"] = victim.TenantId, ["invoice"] = theirInvoice, ["by"] = theirPerson }),
            (SuspensionVerbs.Approve, new JsonObject { ["tenant"] = victim.TenantId, ["case"] = records.CaseId }),
            (SuspensionVerbs.Refresh, new JsonObject { ["tenant"] = victim.TenantId, ["case"] = records.CaseId }),
        };
        var answers = new List<(string Verb, int Status, JsonNode? Body)>();
        foreach (var (verb, data) in clicks)
        {
            var (status, body) = await world.PostAsync(answers.Count % 2, Invoke(conversation, me.TenantId, myself, verb, data));
            answers.Add((verb, status, body.Length == 0 ? null : JsonNode.Parse(body)));
        }

        var submits = new[] { BillingCardAction.ShowInvoice, BillingCardAction.HowToPay, BillingCardAction.CollectionPolicy };
        foreach (var submit in submits)
        {
            await world.PostAsync(0, world.Click(conversation, me.TenantId, myself, new JsonObject { ["action"] = submit, ["invoice"] = theirInvoice, ["tenant"] = victim.TenantId }));
        }

        Assert.All(answers, a =>
        {
            Assert.Equal(200, a.Status);
            Assert.True(a.Body?["type"]?.GetValue<string>() == MessageType, $"{a.Verb} was answered with {a.Body?.ToJsonString()}");
            Assert.DoesNotContain(victim.Name, a.Body!.ToJsonString(), StringComparison.Ordinal);
        });
        var read = world.Read(conversation);
        Assert.DoesNotContain(victim.Name, read, StringComparison.Ordinal);
        Assert.DoesNotContain(world.Env.ActivitiesSentTo(conversation), a => Conversations.SeededConversation.CardOf(a) is not null);
        Assert.Equal(before, await SnapshotAsync(victim.TenantId, records));
    }

    private async Task<Records> TheirRecordsAsync(Customer victim, string person, string invoice)
    {
        var services = world.A.Services;
        var now = world.Time.GetUtcNow();
        var agent = new StaffMember(PartnerStaff.AgentObjectId, PartnerStaff.AgentName, [StaffRole.SupportAgent]);
        var ticket = Ticket.Open(victim.TenantId, "T-2026-9" + Random.Shared.Next(100, 999), TicketCategory.BillingQuestion, TicketSeverity.Normal,
            "Why is this invoice higher than the last one?", [], victim.SupportPlan, services.GetRequiredService<SupportOffer>(), person, now)
            .Start(agent, now).WaitForCustomer(agent, now);
        await services.GetRequiredService<ITickets>().OpenAsync(ticket, CancellationToken.None);
        var handoff = HandoffRequest.Open(Guid.NewGuid().ToString(), victim.TenantId, person, Activities.NewConversationId(), PartnerStaff.ChannelId, "invoice",
            Intent.None, HandoffTrigger.AskedForPerson, [invoice], [], now)
            with { State = HandoffState.Relaying, AcceptedBy = new HandoffAgent(agent.ObjectId, agent.Name), AcceptedAt = now };
        handoff = handoff.End(HandoffParty.Agent, now);
        await services.GetRequiredService<IHandoffRequests>().CreateAsync(handoff, CancellationToken.None);
        await services.GetRequiredService<IReminderControls>().SavePaymentClaimAsync(new PaymentClaim(victim.TenantId, invoice, person, now, PaymentClaimStatus.Pending), CancellationToken.None);
        var suspension = SuspensionCase.Open(victim.TenantId, $"{victim.TenantId}|{invoice}|suspension-30", invoice, now);
        await services.GetRequiredService<ISuspensionCases>().OpenAsync(suspension, CancellationToken.None);
        return new Records(ticket.Number, handoff.HandoffId, suspension.CaseId);
    }

    /// <summary>The other tenant's records as stored, as JSON, to compare before and after.</summary>
    private async Task<string> SnapshotAsync(string tenant, Records records)
    {
        var services = world.B.Services;
        var ticket = await services.GetRequiredService<ITickets>().FindAsync(tenant, records.TicketNumber, CancellationToken.None);
        var handoff = await services.GetRequiredService<IHandoffRequests>().FindAsync(records.HandoffId, CancellationToken.None);
        var controls = await services.GetRequiredService<IReminderControls>().ForCustomerAsync(tenant, CancellationToken.None);
        var suspension = await services.GetRequiredService<ISuspensionCases>().FindAsync(tenant, records.CaseId, CancellationToken.None);
        Assert.NotNull(ticket);
        Assert.NotNull(handoff);
        Assert.NotNull(suspension);
        return JsonSerializer.Serialize(new
        {
            Ticket = new { ticket.Status, ticket.History.Count, ticket.AssignedToName },
            Handoff = new { handoff.State, handoff.Rating, handoff.AcceptedBy },
            Claims = controls.PaymentClaims.Select(c => new { c.InvoiceNumber, c.Status }),
            Snoozes = controls.Snoozes.Count,
            Promises = controls.Promises.Count,
            Suspension = new { suspension.State, suspension.History.Count },
        });
    }

    private JsonObject Invoke(string conversation, string tenant, string person, string verb, JsonObject data) =>
        TwoInstanceWorld.From(Activities.Base("invoke", world.Env.Channel.ServiceUrl, conversation, null, "en-US", new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() },
                ["trigger"] = "manual",
            },
        }), tenant, person);

    private sealed record Records(string TicketNumber, string HandoffId, string CaseId);
}
