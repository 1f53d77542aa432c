using BillingBot.App.Conversations.Cards;
using BillingBot.App.Resources;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Handoff;
using BillingBot.Protocol.Cards;

namespace BillingBot.App.Handoff;

/// <summary>
/// The card a hand-off request is in the agents' channel: who asks (customer, tenant, person, plan), what about (topic,
/// recognized intent, invoices, why), the conversation so far, and its state. While it waits, "Take it"; while the
/// relay runs, "End the conversation". It refreshes itself for the support agents, so everyone sees who took it.
/// </summary>
public static class HandoffRequestCard
{
    /// <summary>Teams refreshes a card on its own for at most 60 users.</summary>
    public const int MaxRefreshUsers = 60;

    public static AdaptiveCard Build(HandoffRequest request, Customer? customer, HandoffFormat format, bool withActions, IReadOnlyList<string> refreshUserIds)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(refreshUserIds);
        var t = format.Texts;
        var customerName = MarkdownText.Escape(customer?.Name ?? request.TenantId);
        var person = customer?.Contacts.FirstOrDefault(c => string.Equals(c.ObjectId, request.UserObjectId, StringComparison.OrdinalIgnoreCase))?.Name is { } name ? MarkdownText.Escape(name) : null;
        var (status, color) = Status(request, format);
        var facts = new List<AdaptiveFact>
        {
            new(t["Fact_Customer"], customerName),
            new(t["Fact_Tenant"], request.TenantId),
            new(t["Fact_User"], person is null ? request.UserObjectId : $"{person} ({request.UserObjectId})"),
        };
        if (customer is not null)
        {
            facts.Add(new(t["Fact_Plan"], customer.SupportPlan.ToString()));
        }

        if (request.Topic.Length > 0)
        {
            facts.Add(new(t["Fact_Topic"], MarkdownText.Escape(request.Topic)));
        }

        facts.Add(new(t["Fact_Intent"], IntentLabel(request, format)));
        if (request.InvoiceNumbers.Count > 0)
        {
            facts.Add(new(t["Fact_Invoices"], string.Join(", ", request.InvoiceNumbers)));
        }

        facts.Add(new(t["Fact_Trigger"], t["Trigger_" + request.Trigger]));
        var body = new List<AdaptiveElement>
        {
            CardParts.Title(t.Format("Request_Title", customerName)),
            new AdaptiveTextBlock { Text = status, Color = color, Weight = AdaptiveTextWeight.Bolder, Wrap = true, Spacing = AdaptiveSpacing.None },
            new AdaptiveFactSet { Facts = facts },
            CardParts.Heading(t["Heading_LastMessages"]),
        };
        if (request.LastMessages.Count == 0)
        {
            body.Add(CardParts.Text(t["Heading_NoMessages"], subtle: true));
        }

        body.AddRange(request.LastMessages.Select(m => new AdaptiveTextBlock
        {
            Text = m.Who == HandoffParty.Bot ? t.Format("Line_Bot", MarkdownText.Escape(m.Text)) : t.Format("Line_Person", (m.Name is { } said ? MarkdownText.Escape(said) : null) ?? person ?? customerName, MarkdownText.Escape(m.Text)),
            Wrap = true,
            Size = AdaptiveTextSize.Small,
            Spacing = AdaptiveSpacing.Small,
            IsSubtle = m.Who == HandoffParty.Bot ? true : null,
        }));

        var data = new Dictionary<string, string> { [HandoffVerbs.HandoffField] = request.HandoffId };
        var actions = new List<AdaptiveAction>();
        if (withActions && (request.AwaitsAgent || request.State == HandoffState.Requested))
        {
            actions.Add(new AdaptiveExecuteAction { Title = t["Action_Accept"], Verb = HandoffVerbs.Accept, Data = data, Style = AdaptiveActionStyle.Positive });
        }
        else if (withActions && request.State is HandoffState.Accepted or HandoffState.Relaying)
        {
            actions.Add(new AdaptiveExecuteAction { Title = t["Action_End"], Verb = HandoffVerbs.End, Data = data });
        }

        var card = CardParts.Card(body, actions, t.Format("Request_Fallback", customerName, status), format.Language);
        return card with
        {
            Refresh = new AdaptiveRefresh
            {
                Action = new AdaptiveExecuteAction { Verb = HandoffVerbs.Refresh, Data = data },
                UserIds = refreshUserIds.Count > 0 ? [.. refreshUserIds.Take(MaxRefreshUsers)] : null,
            },
        };
    }

    /// <summary>The request's state in a sentence, with who and when, and its colour.</summary>
    public static (string Text, AdaptiveTextColor Color) Status(HandoffRequest request, HandoffFormat format)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(format);
        var t = format.Texts;
        var ended = request.EndedAt is { } at ? format.Timestamp(at) : string.Empty;
        var agent = MarkdownText.Escape(request.AcceptedBy?.Name);
        return request.State switch
        {
            HandoffState.Requested or HandoffState.Offered => (t.Format("Request_Waiting", format.Timestamp(request.RequestedAt)), AdaptiveTextColor.Warning),
            HandoffState.Escalated => (t.Format("Request_Escalated", format.Duration(WholeMinutes((request.Last(HandoffEventKind.Escalated)?.At ?? request.RequestedAt) - (request.OfferedAt ?? request.RequestedAt)))), AdaptiveTextColor.Attention),
            HandoffState.Accepted or HandoffState.Relaying => (t.Format("Request_TakenBy", agent, format.Timestamp(request.AcceptedAt ?? request.RequestedAt)), AdaptiveTextColor.Good),
            HandoffState.Ended => (request.EndedBy == HandoffParty.Agent ? t.Format("Request_EndedByAgent", agent, ended) : t.Format("Request_EndedByCustomer", ended), AdaptiveTextColor.Default),
            HandoffState.Rated => (t.Format("Request_Rated", request.Rating), AdaptiveTextColor.Default),
            HandoffState.Withdrawn => (t.Format("Request_Withdrawn", ended), AdaptiveTextColor.Default),
            _ => (t.Format("Request_Ticketed", request.TicketNumber ?? string.Empty), AdaptiveTextColor.Default),
        };
    }

    /// <summary>A wait in whole minutes, at least one: checks run every few seconds, so "1 minute 10 seconds" is a minute.</summary>
    private static TimeSpan WholeMinutes(TimeSpan wait) => TimeSpan.FromMinutes(Math.Max(1, Math.Floor(wait.TotalMinutes)));

    private static string IntentLabel(HandoffRequest request, HandoffFormat format) =>
        BillingTexts.For(format.Culture)["Intent_" + request.RecognizedIntent];
}
