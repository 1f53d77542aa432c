using BillingBot.App.Conversations.Cards;
using BillingBot.App.Resources;
using BillingBot.Billing.Escalations;
using BillingBot.Protocol.Cards;

namespace BillingBot.App.Escalations.Cards;

/// <summary>
/// The ticket's card in the partner's agents' channel: customer, number, category, severity, description, invoices,
/// plan, response due-by (flagged when overdue), status and audit trail, with Universal Actions for the next steps
/// that are valid now (take, wait for the customer, escalate to Microsoft with the proposed route preselected, update
/// Microsoft's status, resolve, close). It refreshes itself when an agent opens it, so everyone sees the ticket as it is.
/// </summary>
public static class TicketAgentsCard
{
    public const int MaxDescriptionLength = 1500;
    public const int MaxHistoryLines = 15;

    public static AdaptiveCard Build(TicketView view, TicketFormat format)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(format);
        var t = format.Texts;
        var ticket = view.Ticket;
        var customer = MarkdownText.Escape(view.CustomerName ?? ticket.TenantId);
        var (status, color) = Status(ticket, format);
        var body = new List<AdaptiveElement>
        {
            CardParts.Title(t.Format("Agents_Title", ticket.Number, customer)),
            new AdaptiveTextBlock { Text = status, Color = color, Weight = AdaptiveTextWeight.Bolder, Wrap = true, Spacing = AdaptiveSpacing.None },
        };
        if (ticket.IsResponseOverdue(view.Now))
        {
            body.Add(CardParts.Text(t.Format("Agents_Overdue", format.Timestamp(ticket.ResponseDueBy!.Value)), AdaptiveTextColor.Attention));
        }

        body.Add(new AdaptiveFactSet { Facts = Facts(view, format) });
        body.Add(CardParts.Heading(t["Agents_Description"]));
        body.Add(CardParts.Text(ticket.Description.Length == 0 ? "–" : MarkdownText.Escape(Shorten(ticket.Description))));
        body.Add(CardParts.Heading(t["Agents_History"]));
        body.AddRange(ticket.History.TakeLast(MaxHistoryLines).Select(e => new AdaptiveTextBlock
        {
            Text = t.Format("Agents_EventLine", format.Timestamp(e.At), EventText(e, view, format)),
            Wrap = true,
            Size = AdaptiveTextSize.Small,
            Spacing = AdaptiveSpacing.Small,
        }));

        var data = new TicketCardData(ticket.TenantId, ticket.Number);
        var actions = view.WithActions ? Actions(view, data, format) : [];
        var card = CardParts.Card(body, actions, t.Format("Agents_Fallback", ticket.Number, customer, status), format.Language);
        return card with
        {
            Refresh = new AdaptiveRefresh
            {
                Action = new AdaptiveExecuteAction { Verb = TicketVerbs.Refresh, Data = data },
                UserIds = view.RefreshUserIds.Count > 0 ? [.. view.RefreshUserIds] : null,
            },
        };
    }

    /// <summary>The ticket's state in a sentence for the agents, with who works on it, and its colour.</summary>
    public static (string Text, AdaptiveTextColor Color) Status(Ticket ticket, TicketFormat format)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(format);
        var t = format.Texts;
        var agent = MarkdownText.Escape(ticket.AssignedToName);
        return ticket.Status switch
        {
            TicketStatus.New => (t["Agents_StatusNew"], AdaptiveTextColor.Warning),
            TicketStatus.InProgress => (t.Format("Agents_StatusInProgress", agent), AdaptiveTextColor.Accent),
            TicketStatus.WaitingForCustomer => (t.Format("Agents_StatusWaitingForCustomer", agent), AdaptiveTextColor.Default),
            TicketStatus.EscalatedToMicrosoft => (t.Format("Agents_StatusEscalatedToMicrosoft", format.Route(ticket.Microsoft!.Route), MarkdownText.Escape(ticket.Microsoft.CaseNumber)), AdaptiveTextColor.Accent),
            TicketStatus.Resolved => (t.Format("Agents_StatusResolved", ticket.Last(TicketEventKind.Resolved)?.ByName is { } resolver ? MarkdownText.Escape(resolver) : agent, format.Timestamp(ticket.Last(TicketEventKind.Resolved)?.At ?? ticket.OpenedAt)), AdaptiveTextColor.Good),
            _ => (t.Format("Agents_StatusClosed", format.Timestamp(ticket.Last(TicketEventKind.Closed)?.At ?? ticket.OpenedAt)), AdaptiveTextColor.Good),
        };
    }

    /// <summary>An audit event in the agents' words; its detail is data (a category, a route and case number, a status).</summary>
    public static string EventText(TicketEvent e, TicketView view, TicketFormat format)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(format);
        var t = format.Texts;
        var by = e.ByName is { } byName ? MarkdownText.Escape(byName) : t["Agents_ByBot"];
        switch (e.Kind)
        {
            case TicketEventKind.Opened:
                var category = Enum.TryParse<TicketCategory>(e.Detail, out var c) ? format.Category(c) : e.Detail ?? string.Empty;
                return t.Format("Agents_EventOpened", OpenedBy(view, t), category);
            case TicketEventKind.EscalatedToMicrosoft:
                var parts = (e.Detail ?? string.Empty).Split('|', 2);
                var route = Enum.TryParse<MicrosoftSupportRoute>(parts[0], out var r) ? format.Route(r) : parts[0];
                return t.Format("Agents_EventEscalatedToMicrosoft", by, route, parts.Length > 1 ? MarkdownText.Escape(parts[1]) : string.Empty);
            case TicketEventKind.MicrosoftStatusUpdated:
                return t.Format("Agents_EventMicrosoftStatusUpdated", by, MarkdownText.Escape(e.Detail));
            case TicketEventKind.CustomerAnswered:
                return t.Format("Agents_EventCustomerAnswered", OpenedBy(view, t));
            default:
                return t.Format("Agents_Event" + e.Kind, by);
        }
    }

    private static List<AdaptiveFact> Facts(TicketView view, TicketFormat format)
    {
        var t = format.Texts;
        var ticket = view.Ticket;
        var facts = new List<AdaptiveFact>
        {
            new(t["Fact_Customer"], view.CustomerName is { } customerName ? MarkdownText.Escape(customerName) : "–"),
            new(t["Fact_Tenant"], ticket.TenantId),
            new(t["Fact_Number"], ticket.Number),
            new(t["Fact_Category"], format.Category(ticket.Category)),
            new(t["Fact_Severity"], format.Severity(ticket.Severity)),
            new(t["Fact_Invoices"], format.Invoices(ticket.InvoiceNumbers)),
            new(t["Fact_Plan"], ticket.Plan.ToString()),
            new(t["Fact_Opened"], t.Format("Fact_OpenedValue", format.Timestamp(ticket.OpenedAt), OpenedBy(view, t))),
            new(t["Fact_DueBy"], ticket.ResponseDueBy is not { } due
                ? t["Fact_DueByNone"]
                : ticket.IsResponseOverdue(view.Now) ? t.Format("Fact_DueByOverdue", format.Timestamp(due)) : format.Timestamp(due)),
            new(t["Fact_Status"], format.Texts["AgentsStatus_" + ticket.Status]),
        };
        if (ticket.AssignedToName is { } assigned)
        {
            facts.Add(new(t["Fact_AssignedTo"], MarkdownText.Escape(assigned)));
        }

        if (ticket.Microsoft is { } microsoft)
        {
            facts.Add(new(t["Fact_MicrosoftRoute"], format.Route(microsoft.Route)));
            facts.Add(new(t["Fact_MicrosoftCase"], MarkdownText.Escape(microsoft.CaseNumber)));
            facts.Add(new(t["Fact_MicrosoftStatus"], t.Format("Fact_MicrosoftStatusValue", MarkdownText.Escape(microsoft.Status), format.Timestamp(microsoft.UpdatedAt))));
        }

        return facts;
    }

    private static List<AdaptiveAction> Actions(TicketView view, TicketCardData data, TicketFormat format)
    {
        var t = format.Texts;
        var actions = new List<AdaptiveAction>();
        AdaptiveExecuteAction Step(string title, string verb, AdaptiveActionStyle? style = null) =>
            new() { Title = title, Verb = verb, Data = data, Style = style, AssociatedInputs = AdaptiveAssociatedInputs.None };

        switch (view.Ticket.Status)
        {
            case TicketStatus.New:
                actions.Add(Step(t["Action_Start"], TicketVerbs.Start, AdaptiveActionStyle.Positive));
                break;
            case TicketStatus.InProgress:
                actions.Add(Step(t["Action_WaitForCustomer"], TicketVerbs.WaitForCustomer));
                actions.Add(Escalate(view, data, format));
                actions.Add(Step(t["Action_Resolve"], TicketVerbs.Resolve, AdaptiveActionStyle.Positive));
                break;
            case TicketStatus.WaitingForCustomer:
                actions.Add(Escalate(view, data, format));
                actions.Add(Step(t["Action_Resolve"], TicketVerbs.Resolve, AdaptiveActionStyle.Positive));
                break;
            case TicketStatus.EscalatedToMicrosoft:
                actions.Add(UpdateMicrosoftStatus(data, format));
                actions.Add(Step(t["Action_Resolve"], TicketVerbs.Resolve, AdaptiveActionStyle.Positive));
                break;
            case TicketStatus.Resolved:
                actions.Add(Step(t["Action_Close"], TicketVerbs.Close));
                break;
        }

        return actions;
    }

    private static AdaptiveShowCardAction Escalate(TicketView view, TicketCardData data, TicketFormat format)
    {
        var t = format.Texts;
        return new AdaptiveShowCardAction
        {
            Title = t["Action_Escalate"],
            Card = new AdaptiveCard
            {
                Body =
                [
                    new AdaptiveChoiceSetInput
                    {
                        Id = TicketVerbs.RouteInput,
                        Label = t.Format("Input_Route", format.Route(view.ProposedRoute)),
                        IsRequired = true,
                        ErrorMessage = t["Input_RouteError"],
                        Style = AdaptiveChoiceInputStyle.Compact,
                        Value = view.ProposedRoute.ToString(),
                        Choices = [.. Enum.GetValues<MicrosoftSupportRoute>().Select(r => new AdaptiveChoice(format.Route(r), r.ToString()))],
                    },
                    new AdaptiveTextInput
                    {
                        Id = TicketVerbs.CaseNumberInput,
                        Label = t["Input_CaseNumber"],
                        IsRequired = true,
                        ErrorMessage = t["Input_CaseNumberError"],
                        MaxLength = TicketCardActions.MaxCaseNumberLength,
                    },
                    MicrosoftStatusInput(format),
                ],
                Actions = [new AdaptiveExecuteAction { Title = t["Action_EscalateSubmit"], Verb = TicketVerbs.Escalate, Data = data, AssociatedInputs = AdaptiveAssociatedInputs.Auto }],
            },
        };
    }

    private static AdaptiveShowCardAction UpdateMicrosoftStatus(TicketCardData data, TicketFormat format)
    {
        var t = format.Texts;
        return new AdaptiveShowCardAction
        {
            Title = t["Action_UpdateMicrosoftStatus"],
            Card = new AdaptiveCard
            {
                Body = [MicrosoftStatusInput(format)],
                Actions = [new AdaptiveExecuteAction { Title = t["Action_UpdateMicrosoftStatusSubmit"], Verb = TicketVerbs.UpdateMicrosoftStatus, Data = data, AssociatedInputs = AdaptiveAssociatedInputs.Auto }],
            },
        };
    }

    private static AdaptiveTextInput MicrosoftStatusInput(TicketFormat format) => new()
    {
        Id = TicketVerbs.MicrosoftStatusInput,
        Label = format.Texts["Input_MicrosoftStatus"],
        Placeholder = format.Texts["Input_MicrosoftStatusPlaceholder"],
        IsRequired = true,
        ErrorMessage = format.Texts["Input_MicrosoftStatusError"],
        MaxLength = TicketCardActions.MaxMicrosoftStatusLength,
    };

    private static string OpenedBy(TicketView view, TicketTexts t) => view.OpenedByName is { } name ? MarkdownText.Escape(name) : t["Agents_CustomerUser"];

    private static string Shorten(string text) => text.Length <= MaxDescriptionLength ? text : text[..MaxDescriptionLength] + "…";
}
