using BillingBot.App.Conversations;
using BillingBot.App.Resources;
using BillingBot.Billing.Collections;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using BillingBot.Protocol.Cards;

namespace BillingBot.App.Reminders.Cards;

/// <summary>
/// A reminder as an Adaptive Card with Universal Actions: pay now, I've paid, remind me later, promise to pay, talk to
/// someone; it refreshes itself when opened, so it always shows the invoice as it is now.
/// </summary>
public static class ReminderCard
{
    public const string Refresh = "reminder.refresh";
    public const string Paid = "reminder.paid";
    public const string Later = "reminder.later";
    public const string Promise = "reminder.promise";
    public const string Talk = "reminder.talk";
    public const string LaterInput = "remindOn";
    public const string PromiseInput = "payBy";

    /// <summary>The card for a reminder; with a <paramref name="note"/> when it is the answer to an action or an update.</summary>
    public static AdaptiveCard Build(
        PlannedReminder reminder, string language, Customer customer, Invoice? invoice, CollectionPolicy policy,
        DateOnly today, Uri? payUrl, ReminderCardNote? note = null)
    {
        var culture = language == "pl" ? Bot.BotCulture.Polish : Bot.BotCulture.English;
        var t = ReminderCardTexts.For(culture);
        var f = new BillingFormat(BillingTexts.For(culture));
        var data = ReminderCardData.Of(reminder, language);
        var body = new List<AdaptiveElement>
        {
            new AdaptiveTextBlock { Text = Title(reminder, invoice, t, f, policy), Size = AdaptiveTextSize.Medium, Weight = AdaptiveTextWeight.Bolder, Wrap = true },
            new AdaptiveTextBlock { Text = Body(reminder, invoice, customer, t, f, policy, today), Wrap = true },
        };
        if (invoice is not null)
        {
            body.Add(new AdaptiveFactSet
            {
                Facts =
                [
                    new(t["Fact_Invoice"], invoice.Number),
                    new(t["Fact_Outstanding"], f.Money(invoice.Outstanding)),
                    new(t["Fact_Due"], f.Date(invoice.DueDate)),
                    new(t["Fact_Period"], f.ShortDate(invoice.Period.Start) + " – " + f.ShortDate(invoice.Period.End)),
                ],
            });
        }

        var closed = note?.Closes == true || invoice is not null && invoice.StatusOn(today) is InvoiceStatus.Paid or InvoiceStatus.Cancelled or InvoiceStatus.Disputed;
        var state = note ?? StateOf(invoice, today, t);
        if (state is not null)
        {
            body.Add(new AdaptiveTextBlock { Text = state.Text, Wrap = true, Weight = AdaptiveTextWeight.Bolder, Color = state.IsGood ? AdaptiveTextColor.Good : AdaptiveTextColor.Warning });
        }

        var actions = new List<AdaptiveAction>();
        if (!closed && invoice is not null)
        {
            if (payUrl is not null)
            {
                actions.Add(new AdaptiveOpenUrlAction { Title = t["Action_PayNow"], Url = payUrl, Style = AdaptiveActionStyle.Positive });
            }

            actions.Add(new AdaptiveExecuteAction { Title = t["Action_Paid"], Verb = Paid, Data = data });
            actions.Add(DateAction(t["Action_Later"], t["Input_LaterLabel"], LaterInput, Later, data, today.AddDays(1), today.AddDays(30), t));
            actions.Add(DateAction(t["Action_Promise"], t["Input_PromiseLabel"], PromiseInput, Promise, data, today, today.AddDays(60), t));
        }

        actions.Add(new AdaptiveExecuteAction { Title = t["Action_Talk"], Verb = Talk, Data = data });
        return new AdaptiveCard
        {
            Body = body,
            Actions = actions,
            Refresh = new AdaptiveRefresh { Action = new AdaptiveExecuteAction { Verb = Refresh, Data = data } },
            FallbackText = Title(reminder, invoice, t, f, policy),
            Lang = language,
            MsTeams = new TeamsCardProperties { Width = TeamsCardWidth.Full },
        };
    }

    private static AdaptiveShowCardAction DateAction(string title, string label, string inputId, string verb, ReminderCardData data, DateOnly min, DateOnly max, ReminderCardTexts t) => new()
    {
        Title = title,
        Card = new AdaptiveCard
        {
            Body = [new AdaptiveDateInput { Id = inputId, Label = label, Min = min, Max = max, Value = min, IsRequired = true, ErrorMessage = t["Input_DateError"] }],
            Actions = [new AdaptiveExecuteAction { Title = t["Action_Confirm"], Verb = verb, Data = data }],
        },
    };

    private static string Title(PlannedReminder reminder, Invoice? invoice, ReminderCardTexts t, BillingFormat f, CollectionPolicy policy) => reminder.Kind switch
    {
        ReminderKind.PeriodClosing => t.Format("Title_PeriodClosing", f.Date(reminder.StageDate.AddDays(Math.Max(0, reminder.DayOffset)))),
        ReminderKind.InvoiceIssued => t.Format("Title_InvoiceIssued", reminder.InvoiceNumber, invoice is null ? string.Empty : f.Month(invoice.Period.Start)),
        ReminderKind.Upcoming => t.Format("Title_Upcoming", reminder.InvoiceNumber, invoice is null ? string.Empty : f.Date(invoice.DueDate)),
        ReminderKind.DueToday => t.Format("Title_DueToday", reminder.InvoiceNumber),
        ReminderKind.SuspensionWarning or ReminderKind.Suspension => t.Format("Title_SuspensionWarning", reminder.InvoiceNumber, invoice is null ? string.Empty : f.Date(policy.SuspensionDate(invoice.DueDate))),
        _ => t.Format("Title_Overdue", reminder.InvoiceNumber, invoice is null ? string.Empty : f.Date(invoice.DueDate)),
    };

    private static string Body(PlannedReminder reminder, Invoice? invoice, Customer customer, ReminderCardTexts t, BillingFormat f, CollectionPolicy policy, DateOnly today)
    {
        if (reminder.Kind == ReminderKind.PeriodClosing || invoice is null)
        {
            return t.Format("Body_PeriodClosing", f.Date(reminder.StageDate.AddDays(Math.Max(0, reminder.DayOffset))));
        }

        var outstanding = f.Money(invoice.Outstanding);
        return reminder.Kind switch
        {
            ReminderKind.InvoiceIssued => t.Format("Body_InvoiceIssued", invoice.Number, f.Money(invoice.Gross), f.Date(invoice.DueDate)),
            ReminderKind.Upcoming => t.Format("Body_Upcoming", outstanding, f.Date(invoice.DueDate)),
            ReminderKind.DueToday => t.Format("Body_DueToday", outstanding),
            ReminderKind.SuspensionWarning or ReminderKind.Suspension => t.Format("Body_SuspensionWarning", invoice.Number, f.Date(policy.SuspensionDate(invoice.DueDate))),
            _ => t.Format("Body_Overdue", outstanding, f.Date(invoice.DueDate)),
        };
    }

    private static ReminderCardNote? StateOf(Invoice? invoice, DateOnly today, ReminderCardTexts t) => invoice?.StatusOn(today) switch
    {
        InvoiceStatus.Paid => new ReminderCardNote(t["State_Paid"], IsGood: true, Closes: true),
        InvoiceStatus.Cancelled => new ReminderCardNote(t["State_Cancelled"], IsGood: true, Closes: true),
        InvoiceStatus.Disputed => new ReminderCardNote(t["State_Disputed"], IsGood: false, Closes: true),
        _ => null,
    };
}
