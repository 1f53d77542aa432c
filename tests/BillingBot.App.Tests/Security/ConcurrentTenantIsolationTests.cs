using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BillingBot.App.Conversations;
using BillingBot.App.Conversations.Cards;
using BillingBot.App.Reminders;
using BillingBot.App.Resources;
using BillingBot.App.Tests.Conversations;
using BillingBot.App.Tests.Hosting;
using BillingBot.Billing;
using BillingBot.Billing.Collections;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Protocol.State;
using Microsoft.Extensions.DependencyInjection;

namespace BillingBot.App.Tests.Security;

/// <summary>
/// Tenant isolation under load: people of every demo customer (a billing contact and a contact who may not see amounts
/// where the customer has both) talk at once, each turn going to one of two app instances over the same tables; they
/// ask for their balance and invoices, ask about and click on another tenant's invoice, ask for a person, and then a
/// reminder sweep runs. Nobody reads another tenant's invoice numbers, amounts, customer or contact names; the
/// contact without the billing role reads no amounts at all. An activity whose two tenant fields disagree is refused.
/// </summary>
[Collection(SecurityWorldCollection.Name)]
public sealed partial class ConcurrentTenantIsolationTests(TwoInstanceWorld world)
{
    private static readonly CultureInfo[] Cultures = [CultureInfo.GetCultureInfo("en-US"), CultureInfo.GetCultureInfo("pl-PL")];

    [Fact]
    public async Task People_of_many_tenants_talking_at_once_to_two_instances_read_only_their_own_data_and_reminders()
    {
        var foreignInvoices = world.Invoices.Where(i => i.Value.Count > 0).ToList();
        var people = world.Customers
            .SelectMany(c => new[] { c.Contacts.FirstOrDefault(x => x.CanSeeAmounts), c.Contacts.FirstOrDefault(x => !x.CanSeeAmounts) }
                .OfType<BillingContact>()
                .Select(x => (Customer: c, Contact: x)))
            .Select((p, i) =>
            {
                var other = foreignInvoices.Where(f => f.Key != p.Customer.TenantId).ElementAt(i % (foreignInvoices.Count - 1)).Value;
                return new Person(p.Customer, p.Contact.ObjectId, p.Contact.CanSeeAmounts, Activities.NewConversationId(), other[i % other.Count].Number);
            })
            .ToList();
        Assert.True(world.Customers.Count >= 3, "the demo data has several customers");
        Assert.Contains(people.GroupBy(p => p.Customer.TenantId), g => g.Select(p => p.SeesAmounts).Distinct().Count() == 2);

        var turns = await Task.WhenAll(people.Select((person, i) => TalkAsync(person, i)));

        Assert.All(turns.SelectMany(t => t), status => Assert.Equal(200, status));
        var beforeSweep = people.ToDictionary(p => p, p => world.Env.ActivitiesSentTo(p.ConversationId).Count);
        var swept = await world.B.Services.GetRequiredService<ReminderScheduler>().SweepAsync(world.Time.GetUtcNow(), CancellationToken.None);
        Assert.True(swept.Sent > 0, "the sweep sent reminders");
        Assert.Contains(people, p => world.Env.ActivitiesSentTo(p.ConversationId).Count > beforeSweep[p]);

        foreach (var person in people)
        {
            AssertReadsOnlyOwnData(person);
        }
    }

    [Theory]
    [InlineData(0, "message")]
    [InlineData(1, "message")]
    [InlineData(0, "click")]
    [InlineData(1, "invoke")]
    public async Task An_activity_whose_channel_data_and_conversation_name_different_tenants_is_refused_and_nothing_is_kept(int instance, string kind)
    {
        var mine = world.Customers[0];
        var theirs = world.Customers[1];
        var person = mine.Contacts.First(c => c.CanSeeAmounts).ObjectId;
        var conversation = Activities.NewConversationId();
        var activity = kind switch
        {
            "message" => world.Message(conversation, mine.TenantId, person, "how much do I owe?"),
            "click" => world.Click(conversation, mine.TenantId, person, new JsonObject { ["action"] = BillingCardAction.ShowInvoice, ["invoice"] = world.Invoices[theirs.TenantId][0].Number }),
            _ => TwoInstanceWorld.From(Activities.Base("invoke", world.Env.Channel.ServiceUrl, conversation, null, "en-US", new JsonObject
            {
                ["name"] = "adaptiveCard/action",
                ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "reminder.paid", ["data"] = new JsonObject() }, ["trigger"] = "manual" },
            }), mine.TenantId, person),
        };
        // Teams names the tenant twice; here the conversation says it is the other customer's.
        activity["conversation"]!["tenantId"] = theirs.TenantId;

        var (status, body) = await world.PostAsync(instance, activity);
        activity["conversation"]!["tenantId"] = mine.TenantId;
        activity["channelData"]!["tenant"]!["id"] = theirs.TenantId;
        activity["id"] = Guid.NewGuid().ToString();
        var (swapped, _) = await world.PostAsync(1 - instance, activity);

        Assert.Equal(400, status);
        Assert.Equal(400, swapped);
        Assert.Empty(body);
        Assert.Empty(world.Env.RequestsTo(conversation));
        var references = world.A.Services.GetRequiredService<IConversationReferenceStore>();
        Assert.NotEqual(conversation, (await references.GetAsync(mine.TenantId, "user:" + person, CancellationToken.None))?.Reference.Conversation?.Id);
        Assert.NotEqual(conversation, (await references.GetAsync(theirs.TenantId, "user:" + person, CancellationToken.None))?.Reference.Conversation?.Id);
    }

    /// <summary>One person's conversation: each turn to the instance their index and the turn's pick.</summary>
    private async Task<List<int>> TalkAsync(Person person, int index)
    {
        var tenant = person.Customer.TenantId;
        var own = world.Invoices[tenant];
        var turns = new List<JsonObject>
        {
            world.Message(person.ConversationId, tenant, person.ObjectId, "how much do I owe?"),
            world.Message(person.ConversationId, tenant, person.ObjectId, "pokaż faktury", "pl-PL"),
            world.Message(person.ConversationId, tenant, person.ObjectId, $"is invoice {own[0].Number} paid?"),
            world.Message(person.ConversationId, tenant, person.ObjectId, $"is invoice {person.ForeignInvoice} paid?"),
            world.Click(person.ConversationId, tenant, person.ObjectId, new JsonObject { ["action"] = BillingCardAction.ShowInvoice, ["invoice"] = person.ForeignInvoice }),
            world.Click(person.ConversationId, tenant, person.ObjectId, new JsonObject { ["action"] = BillingCardAction.HowToPay, ["invoice"] = person.ForeignInvoice }),
            world.Click(person.ConversationId, tenant, person.ObjectId, new JsonObject { ["action"] = BillingCardAction.CollectionPolicy, ["invoice"] = person.ForeignInvoice }),
            world.Click(person.ConversationId, tenant, person.ObjectId, new JsonObject { ["action"] = BillingCardAction.ShowInvoice, ["invoice"] = own[0].Number }),
            world.Message(person.ConversationId, tenant, person.ObjectId, "I want to talk to a person"),
        };
        var statuses = new List<int>();
        for (var k = 0; k < turns.Count; k++)
        {
            statuses.Add((await world.PostAsync((index + k) % 2, turns[k])).Status);
        }

        return statuses;
    }

    private void AssertReadsOnlyOwnData(Person person)
    {
        var tenant = person.Customer.TenantId;
        var read = world.Read(person.ConversationId);
        var ownNumbers = world.Invoices[tenant].Select(i => i.Number).ToHashSet();
        var ownAmounts = Amounts(world.Invoices[tenant], person.Customer).ToHashSet();
        var others = world.Customers.Where(c => c.TenantId != tenant).ToList();
        var label = $"{person.Customer.Name} ({(person.SeesAmounts ? "billing contact" : "no billing role")})";

        Assert.True(read.Length > 0, label + " was answered");
        foreach (var other in others)
        {
            Assert.DoesNotContain(other.Name, read, StringComparison.Ordinal);
            Assert.All(other.Contacts.Where(c => !person.Customer.Contacts.Any(x => x.Name == c.Name)), c => Assert.DoesNotContain(c.Name, read, StringComparison.Ordinal));
            foreach (var amount in Amounts(world.Invoices[other.TenantId], other).Where(a => !ownAmounts.Contains(a)))
            {
                Assert.False(read.Contains(amount, StringComparison.Ordinal), $"{label} read {other.Name}'s amount {amount}");
            }
        }

        // The foreign number they typed may be echoed in "not found"; no card ever shows one, and no other is named.
        var cards = world.Env.ActivitiesSentTo(person.ConversationId).Where(a => SeededConversation.CardOf(a) is not null).Select(SeededConversation.Visible);
        var foreignNumbers = world.Invoices.Where(i => i.Key != tenant).SelectMany(i => i.Value).Select(i => i.Number).Where(n => !ownNumbers.Contains(n)).ToHashSet();
        Assert.All(cards, card => Assert.DoesNotContain(InvoiceNumber().Matches(card).Select(m => m.Value), foreignNumbers.Contains));
        Assert.DoesNotContain(InvoiceNumber().Matches(read).Select(m => m.Value), n => foreignNumbers.Contains(n) && n != person.ForeignInvoice);

        if (person.SeesAmounts)
        {
            Assert.Contains(ownAmounts, a => read.Contains(a, StringComparison.Ordinal));
        }
        else
        {
            Assert.All(ownAmounts.Where(a => a.Any(char.IsLetter) || a.Contains(',', StringComparison.Ordinal)), a => Assert.False(read.Contains(a, StringComparison.Ordinal), $"{label} read the amount {a}"));
        }
    }

    /// <summary>Every amount of a customer's invoices and balance, as the bot writes them in English and Polish.</summary>
    private IEnumerable<string> Amounts(IReadOnlyList<Invoice> invoices, Customer customer)
    {
        var policy = world.A.Services.GetRequiredService<CollectionPolicy>();
        var standing = AccountStanding.On(customer.LocalDate(world.Time.GetUtcNow()), invoices, policy);
        var money = invoices.SelectMany(i => new[] { i.Gross, i.Outstanding, i.Net, i.Tax }.Concat(i.Lines.Select(l => l.Amount)))
            .Concat(standing.TotalDue).Concat(standing.OverdueTotal)
            .Where(m => m.Amount >= 10m);
        foreach (var m in money.Distinct())
        {
            foreach (var culture in Cultures)
            {
                yield return new BillingFormat(BillingTexts.For(culture)).Money(m);
            }
        }
    }

    [GeneratedRegex(@"FV/\d{4}/\d{2}/\d{3,}")]
    private static partial Regex InvoiceNumber();

    /// <summary>Someone of a customer, their personal chat, and the other tenant's invoice number they try.</summary>
    public sealed record Person(Customer Customer, string ObjectId, bool SeesAmounts, string ConversationId, string ForeignInvoice);
}
