using BillingBot.App.Conversations.Cards;
using BillingBot.Billing.Escalations;
using BillingBot.Protocol.Cards;

namespace BillingBot.App.Escalations.Cards;

/// <summary>
/// What the customer's person who opened a ticket is told when it changes, in their language: the change in a sentence,
/// the ticket's status, and, when an agent waits for them, a field to answer in.
/// </summary>
public static class TicketNoticeCard
{
    /// <summary>The changes a customer is told of (the opening they saw in the chat; their own answer they gave).</summary>
    public static bool IsNotified(TicketEventKind kind) => kind is not (TicketEventKind.Opened or TicketEventKind.CustomerAnswered);

    public static AdaptiveCard Build(Ticket ticket, TicketEvent change, TicketFormat format)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(format);
        var t = format.Texts;
        var text = Sentence(ticket, change, format);
        var body = new List<AdaptiveElement>
        {
            CardParts.Title(t.Format("Notice_Title", ticket.Number)),
            CardParts.Text(text),
        };
        if (change.Kind == TicketEventKind.Resolved && ticket.Category == TicketCategory.InvoiceDispute && ticket.InvoiceNumbers.Count > 0)
        {
            body.Add(CardParts.Text(t.Format("Notice_RemindersResume", string.Join(", ", ticket.InvoiceNumbers)), subtle: true));
        }

        body.Add(new AdaptiveFactSet { Facts = Facts(ticket, format) });
        var actions = new List<AdaptiveAction>();
        if (change.Kind == TicketEventKind.WaitingForCustomer && ticket.Status == TicketStatus.WaitingForCustomer)
        {
            body.Add(new AdaptiveTextInput
            {
                Id = TicketVerbs.AnswerInput,
                Label = t["Notice_AnswerLabel"],
                IsMultiline = true,
                IsRequired = true,
                ErrorMessage = t["Notice_AnswerRequired"],
                MaxLength = TicketCardActions.MaxAnswerLength,
            });
            actions.Add(new AdaptiveExecuteAction
            {
                Title = t["Notice_AnswerSend"],
                Verb = TicketVerbs.Answer,
                Data = new TicketCardData(ticket.TenantId, ticket.Number),
                AssociatedInputs = AdaptiveAssociatedInputs.Auto,
            });
        }

        return CardParts.Card(body, actions, t.Format("Notice_Fallback", ticket.Number, text), format.Language);
    }

    /// <summary>The card that replaces the question once the customer answered (or could no longer answer).</summary>
    public static AdaptiveCard Answered(Ticket ticket, string sentence, TicketFormat format)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(format);
        var t = format.Texts;
        IList<AdaptiveElement> body = [CardParts.Title(t.Format("Notice_Title", ticket.Number)), CardParts.Text(sentence), new AdaptiveFactSet { Facts = Facts(ticket, format) }];
        return CardParts.Card(body, null, t.Format("Notice_Fallback", ticket.Number, sentence), format.Language);
    }

    /// <summary>The change in a sentence, in the customer's words.</summary>
    public static string Sentence(Ticket ticket, TicketEvent change, TicketFormat format)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(format);
        var t = format.Texts;
        var agent = (change.ByName ?? ticket.AssignedToName) is { } name ? MarkdownText.Escape(name) : t["Notice_OurTeam"];
        return change.Kind switch
        {
            TicketEventKind.EscalatedToMicrosoft when ticket.Microsoft is { } microsoft =>
                t.Format("Notice_EscalatedToMicrosoft", format.Route(microsoft.Route), MarkdownText.Escape(microsoft.CaseNumber), MarkdownText.Escape(microsoft.Status)),
            TicketEventKind.MicrosoftStatusUpdated when ticket.Microsoft is { } microsoft =>
                t.Format("Notice_MicrosoftStatusUpdated", MarkdownText.Escape(microsoft.CaseNumber), MarkdownText.Escape(change.Detail ?? microsoft.Status)),
            _ => t.Format("Notice_" + change.Kind, agent),
        };
    }

    private static List<AdaptiveFact> Facts(Ticket ticket, TicketFormat format)
    {
        var t = format.Texts;
        var facts = new List<AdaptiveFact>
        {
            new(t["Fact_Category"], format.Category(ticket.Category)),
            new(t["Fact_Status"], format.Status(ticket.Status)),
        };
        if (ticket.InvoiceNumbers.Count > 0)
        {
            facts.Add(new(t["Fact_Invoices"], format.Invoices(ticket.InvoiceNumbers)));
        }

        if (ticket.Microsoft is { } microsoft)
        {
            facts.Add(new(t["Fact_MicrosoftCase"], t.Format("Fact_MicrosoftCaseValue", MarkdownText.Escape(microsoft.CaseNumber), format.Route(microsoft.Route))));
        }

        return facts;
    }
}
