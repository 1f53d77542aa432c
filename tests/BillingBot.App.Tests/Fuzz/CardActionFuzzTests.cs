using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BillingBot.App.Escalations;
using BillingBot.App.Handoff;
using BillingBot.App.Reminders.Cards;
using BillingBot.App.Staff;
using BillingBot.App.Suspensions;
using BillingBot.App.Tests.Hosting;
using BillingBot.Protocol.Cards;
using BillingBot.TestKit.Fuzz;
using FsCheck.Fluent;

namespace BillingBot.App.Tests.Fuzz;

/// <summary>
/// Clicks on every card the app sends (reminders, payment claims, suspension approvals, tickets, hand-offs, the
/// agents' channel pick, the invoice and support buttons), by anyone from anywhere, with the buttons' data mangled:
/// fields missing, extra, mistyped, huge, or swapped for other tenants' ids and odd tokens. An invoke is answered 200
/// with a card or a message (or a 4xx), never 5xx; a submit gets a 2xx (or a 4xx); nothing is logged as an error; and a click forged
/// on purpose (from a stranger's tenant, or naming things that do not exist) changes nothing in storage.
/// </summary>
public sealed class CardActionFuzzTests(CardActionWorld world) : IClassFixture<CardActionWorld>
{
    private const string MessageType = "application/vnd.microsoft.activity.message";

    private static readonly string[] Verbs =
    [
        ReminderCard.Refresh, ReminderCard.Paid, ReminderCard.Later, ReminderCard.Promise, ReminderCard.Talk,
        PaymentClaimCard.Confirm, PaymentClaimCard.Reject,
        SuspensionVerbs.Approve, SuspensionVerbs.Postpone, SuspensionVerbs.Refresh,
        TicketVerbs.Start, TicketVerbs.WaitForCustomer, TicketVerbs.Resolve, TicketVerbs.Close, TicketVerbs.Escalate,
        TicketVerbs.UpdateMicrosoftStatus, TicketVerbs.Refresh, TicketVerbs.Answer,
        HandoffVerbs.Accept, HandoffVerbs.End, HandoffVerbs.Refresh, HandoffVerbs.Rate,
        AgentsChannelPicker.UseVerb,
        "reminder.", "reminder.snooze", "Reminder.Paid", "ticket.answer ", "", "payment.", "suspension.approve.now", "handoff", "x.y",
    ];

    private static readonly string[] Fields =
    [
        "tenant", "case", "ticket", "handoff", "invoice", "kind", "stage", "offset", "date", "lang", ReminderCard.LaterInput,
        ReminderCard.PromiseInput, SuspensionVerbs.UntilInput, HandoffVerbs.StarsField, "by", TicketVerbs.RouteInput,
        TicketVerbs.CaseNumberInput, TicketVerbs.MicrosoftStatusInput, TicketVerbs.AnswerInput, "action", "reason",
    ];

    private static readonly JsonNode?[] Triggers = ["manual", "automatic", null, "AUTOMATIC", 1];

    [Fact]
    public async Task A_mangled_or_forged_card_click_is_answered_with_a_card_or_a_message_and_a_forged_one_changes_nothing()
    {
        var tokens = Tokens();
        var actors = Actors();
        var answered = new Dictionary<string, int>(StringComparer.Ordinal);
        var n = 0;

        await FuzzCheck.RunAsync(
            nameof(CardActionFuzzTests) + "." + nameof(A_mangled_or_forged_card_click_is_answered_with_a_card_or_a_message_and_a_forged_one_changes_nothing),
            seed: 31,
            count: 400,
            CardClickGen.Clicks(Verbs.Length, actors.Length, Fields.Length, tokens.Length),
            async click =>
            {
                n++;
                var verb = Verbs[click.Verb];
                var data = Data(verb, click, tokens, n);
                var actor = click.Forgery == Forgery.ForeignTenant || (click.Forgery == Forgery.UnknownIds && KeyFields(verb).Length == 0)
                    ? Stranger(n)
                    : click.Forgery == Forgery.UnknownIds ? RightfulActor(verb, actors) : actors[click.Actor];
                var invoke = Invoke(actor, verb, data, click);
                var before = click.Forgery == Forgery.None ? null : await world.SnapshotAsync();
                var mark = HostFailures.Mark(world.Host);

                var (status, body) = await world.PostRawAsync(invoke);

                var problem = status >= 500 ? $"answered {status}: {body}"
                    : status is >= 200 and < 300 ? InvalidInvokeResponse(body, answered)
                    : null;
                problem ??= HostFailures.Since(world.Host, mark);
                if (problem is null && before is not null && await world.SnapshotAsync() is var after && after != before)
                {
                    problem = $"a forged click changed storage:\nbefore {before}\nafter  {after}";
                }

                return problem;
            },
            click => $"{Verbs[click.Verb]}: {click}");

        // The fuzzer got past the doors: real handlers answered with cards as well as messages.
        Assert.True(answered.GetValueOrDefault(AdaptiveCard.ContentType) > 0 && answered.GetValueOrDefault(MessageType) > 0, string.Join(", ", answered));
    }

    [Fact]
    public async Task A_mangled_card_submit_is_acknowledged_and_logs_no_error()
    {
        var tokens = Tokens();
        var n = 0;
        string[] actions = ["showInvoice", "howToPay", "collectionPolicy", "listInvoices", "talkToPerson", "invoice.show", "unknown"];
        var inputs = Gen.Choose(0, actions.Length - 1)
            .SelectMany(_ => CardClickGen.Changes(Fields.Length, tokens.Length), (action, changes) => (action, changes.Mutations, changes.Swaps))
            .SelectMany(_ => Gen.Frequency((8, Gen.Constant(false)), (2, Gen.Constant(true))), (c, withText) => (c.action, c.Mutations, c.Swaps, withText));

        await FuzzCheck.RunAsync(
            nameof(CardActionFuzzTests) + "." + nameof(A_mangled_card_submit_is_acknowledged_and_logs_no_error),
            seed: 32,
            count: 150,
            inputs,
            async submit =>
            {
                n++;
                var value = new JsonObject { ["action"] = actions[submit.action], ["invoice"] = world.Invoices[n % 2].Number, ["reason"] = "notUnderstood" };
                var data = Mangle(value, submit.Mutations, submit.Swaps, tokens);
                // A chat of its own each time: Teams' rate limit of a conversation (about two messages a second) would
                // otherwise make the run wait, not fuzz.
                var message = Activities.Message(world.Env.Channel.ServiceUrl, Activities.NewConversationId(), submit.withText ? "pokaż" : string.Empty, world.Customer.Locale);
                if (!submit.withText)
                {
                    message.Remove("text");
                }

                message["value"] = data;
                Address(message, world.Customer.TenantId, world.Customer.Contacts[0].ObjectId, "Anna Wiśniewska");
                var mark = HostFailures.Mark(world.Host);

                var (status, body) = await world.PostRawAsync(message);

                // A body over the size limit gets 413, as any other.
                return status is < 200 or >= 500 ? $"answered {status}: {body}" : HostFailures.Since(world.Host, mark);
            },
            submit => $"{actions[submit.action]} with text {submit.withText}, data [{string.Join(", ", submit.Mutations)}], swaps [{string.Join(", ", submit.Swaps)}]");
    }

    /// <summary>What is wrong with a 2xx invoke response, or null: it must be a card that reads, or a message with text.</summary>
    private static string? InvalidInvokeResponse(string body, Dictionary<string, int> answered)
    {
        var response = JsonNode.Parse(body) as JsonObject;
        var type = response?["type"]?.GetValue<string>();
        if (response?["statusCode"]?.GetValue<int>() != 200 || type is null)
        {
            return "a 2xx without an invoke response: " + body;
        }

        answered[type] = answered.GetValueOrDefault(type) + 1;
        switch (type)
        {
            case AdaptiveCard.ContentType:
                _ = AdaptiveCardSerializer.Deserialize(response["value"]!.ToJsonString());
                return null;
            case MessageType:
                return response["value"]?.GetValue<string>() is { Length: > 0 } ? null : "a message without text: " + body;
            default:
                return "an invoke response of an unknown type: " + body;
        }
    }

    /// <summary>The data the button carries: what the app puts on it, changed as the click says, or forged.</summary>
    private JsonObject Data(string verb, CardClick click, JsonNode?[] tokens, int n)
    {
        var data = ValidData(verb);
        if (click.Forgery == Forgery.UnknownIds && KeyFields(verb) is { Length: > 0 } keys)
        {
            var key = keys[n % keys.Length];
            data[key] = key switch
            {
                "invoice" => "FV/2099/01/" + n.ToString("000", CultureInfo.InvariantCulture),
                "ticket" => "T-2099-" + n.ToString(CultureInfo.InvariantCulture),
                _ => Guid.NewGuid().ToString(),
            };
            return data;
        }

        return Mangle(data, click.DataMutations, click.Swaps, tokens);
    }

    private static JsonObject Mangle(JsonObject data, IReadOnlyList<JsonMutation> mutations, IReadOnlyList<(int Field, int Token)> swaps, JsonNode?[] tokens)
    {
        foreach (var (field, token) in swaps)
        {
            data[Fields[field]] = tokens[token]?.DeepClone();
        }

        // Wrapped, so that the data itself may be retyped or nulled like any of its fields.
        var wrapper = JsonNode.Parse(JsonMutator.Apply(new JsonObject { ["data"] = data }, mutations))!.AsObject();
        var mangled = wrapper["data"];
        wrapper.Remove("data");
        return mangled as JsonObject ?? new JsonObject { ["wrapped"] = mangled };
    }

    private JsonObject ValidData(string verb)
    {
        var today = world.Customer.LocalDate(world.Time.GetUtcNow());
        var invoice = world.Invoices[0];
        var tenant = world.Customer.TenantId;
        var day = (int n) => today.AddDays(n).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return verb.Split('.')[0] switch
        {
            "reminder" => new JsonObject
            {
                ["invoice"] = invoice.Number, ["kind"] = "Overdue", ["stage"] = "after-3", ["offset"] = 3,
                ["date"] = invoice.DueDate.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["lang"] = "pl",
                [ReminderCard.LaterInput] = day(3), [ReminderCard.PromiseInput] = day(7),
            },
            "payment" => new JsonObject { ["tenant"] = tenant, ["invoice"] = world.Claim.InvoiceNumber, ["by"] = world.Claim.ByObjectId },
            "suspension" => new JsonObject { ["tenant"] = tenant, ["case"] = world.Case.CaseId, [SuspensionVerbs.UntilInput] = day(5) },
            "ticket" => new JsonObject
            {
                ["tenant"] = tenant, ["ticket"] = world.Ticket.Number, [TicketVerbs.RouteInput] = "CommercialCspSupport",
                [TicketVerbs.CaseNumberInput] = "2612140010001", [TicketVerbs.MicrosoftStatusInput] = "Investigating",
                [TicketVerbs.AnswerInput] = "Faktura dotyczy licencji rocznych.",
            },
            "handoff" => new JsonObject { [HandoffVerbs.HandoffField] = world.Handoff.HandoffId, [HandoffVerbs.StarsField] = "4" },
            _ => [],
        };
    }

    /// <summary>The data fields that name what a verb acts on: replaced by ones that exist nowhere, the click must change nothing.</summary>
    private static string[] KeyFields(string verb) => verb.Split('.')[0] switch
    {
        "reminder" when verb is ReminderCard.Paid or ReminderCard.Later or ReminderCard.Promise => ["invoice"],
        "payment" => ["tenant", "invoice", "by"],
        "suspension" => ["tenant", "case"],
        "ticket" => ["tenant", "ticket"],
        "handoff" => [HandoffVerbs.HandoffField],
        _ => [],
    };

    /// <summary>Values a field may be swapped for: the world's ids (its own and the other customer's), and odd tokens.</summary>
    private JsonNode?[] Tokens()
    {
        var today = world.Customer.LocalDate(world.Time.GetUtcNow());
        return
        [
            world.Customer.TenantId, world.Other.TenantId, PartnerStaff.PartnerTenant, world.Case.CaseId, world.Ticket.Number,
            world.Handoff.HandoffId, world.Invoices[0].Number, world.Invoices[1].Number, "FV/2026/11/901", world.Customer.Contacts[0].ObjectId,
            world.Other.Contacts[0].ObjectId, PartnerStaff.AdminObjectId, "42", "-1", "Overdue, Upcoming", "overdue", "Suspension",
            "2026-02-30", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), today.AddDays(31).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            today.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), today.AddDays(91).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "9999-12-31", "0001-01-01", "20261220", "1e3", "", " ", "0", "1", "5", "6",
            "4.5", "٣", "+4", "CommercialCspSupport", "99", "PartnerCloudSupport, CommercialCspSupport", new string('x', 5_000), "pl", "en", "de", "\u0000",
            42, -1, 3.5, true, null, new JsonArray("pl"), new JsonObject { ["tenant"] = world.Other.TenantId },
        ];
    }

    /// <summary>Who clicks, and where: the partner's people in the agents' channel or in a chat, customers in theirs.</summary>
    private Actor[] Actors()
    {
        var customer = world.Customer;
        var other = world.Other;
        return
        [
            Actor.InAgentsChannel(PartnerStaff.AdminObjectId, PartnerStaff.AdminName),
            Actor.InAgentsChannel(PartnerStaff.AgentObjectId, PartnerStaff.AgentName),
            Actor.InAgentsChannel(PartnerStaff.SalesObjectId, PartnerStaff.SalesName),
            Actor.InAgentsChannel(Guid.NewGuid().ToString(), "Someone Else"),
            Actor.InChat(customer.TenantId, customer.Contacts[0].ObjectId, customer.Contacts[0].Name, world.CustomerChat),
            Actor.InChat(customer.TenantId, customer.Contacts[2].ObjectId, customer.Contacts[2].Name, Activities.NewConversationId()),
            Actor.InChat(other.TenantId, other.Contacts[0].ObjectId, other.Contacts[0].Name, Activities.NewConversationId()),
            Actor.InChat(PartnerStaff.PartnerTenant, PartnerStaff.AdminObjectId, PartnerStaff.AdminName, Activities.NewConversationId()),
            Actor.InChat(customer.TenantId, null, null, world.CustomerChat),
        ];
    }

    /// <summary>The person a verb is meant for: the billing admin in the agents' channel, or the customer in their chat.</summary>
    private Actor RightfulActor(string verb, Actor[] actors) =>
        verb is TicketVerbs.Answer or HandoffVerbs.Rate || verb.StartsWith("reminder.", StringComparison.Ordinal) ? actors[4] : actors[0];

    private static Actor Stranger(int n) => n % 2 == 0
        ? Actor.InChat(Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), "Mallory", Activities.NewConversationId())
        : Actor.InAgentsChannel(Guid.NewGuid().ToString(), "Mallory") with { TenantId = Guid.NewGuid().ToString() };

    private JsonObject Invoke(Actor actor, string verb, JsonObject data, CardClick click)
    {
        var value = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["title"] = "Click", ["verb"] = verb, ["data"] = data },
            ["trigger"] = Triggers[click.Trigger]?.DeepClone(),
        };
        if (click.EnvelopeMutations.Count > 0)
        {
            value = JsonNode.Parse(JsonMutator.Apply(value, click.EnvelopeMutations))!.AsObject();
        }

        var invoke = Activities.Base("invoke", world.Env.Channel.ServiceUrl, actor.ConversationId, null, "pl-PL", new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["value"] = value,
        });
        Address(invoke, actor.TenantId, actor.ObjectId, actor.Name);
        if (actor.InChannel)
        {
            invoke["conversation"] = new JsonObject { ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = actor.TenantId, ["id"] = actor.ConversationId };
            invoke["channelData"] = new JsonObject
            {
                ["team"] = new JsonObject { ["id"] = PartnerStaff.TeamId },
                ["channel"] = new JsonObject { ["id"] = PartnerStaff.ChannelId },
                ["tenant"] = new JsonObject { ["id"] = actor.TenantId },
            };
        }

        return invoke;
    }

    private static void Address(JsonObject activity, string tenantId, string? objectId, string? name)
    {
        activity["from"] = objectId is null
            ? new JsonObject { ["id"] = "29:no-aad", ["name"] = name }
            : new JsonObject { ["id"] = "29:" + objectId, ["name"] = name, ["aadObjectId"] = objectId };
        activity["conversation"]!["tenantId"] = tenantId;
        activity["channelData"]!["tenant"]!["id"] = tenantId;
    }

    /// <summary>Someone who clicks: their tenant and Entra id, and the conversation the card is in.</summary>
    private sealed record Actor(string TenantId, string? ObjectId, string? Name, string ConversationId, bool InChannel)
    {
        public static Actor InAgentsChannel(string objectId, string name) =>
            new(PartnerStaff.PartnerTenant, objectId, name, PartnerStaff.ChannelId + ";messageid=1765700000001", true);

        public static Actor InChat(string tenantId, string? objectId, string? name, string conversationId) =>
            new(tenantId, objectId, name, conversationId, false);
    }
}
