using BillingBot.App.Conversations;
using BillingBot.App.Resources;
using BillingBot.Billing.Collections;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using BillingBot.Billing.Understanding;
using BillingBot.Protocol.Schema;
using BillingBot.Recognizers;

namespace BillingBot.App.Reminders;

/// <summary>
/// Reminder preferences said in chat and kept per person: "remind me in Polish", "stop reminders for invoice …",
/// "when will you remind me?". Only the customer's billing contacts get reminders, so only they can change them.
/// </summary>
public sealed class ReminderPreferencesConversation(
    IReminderControls controls,
    IInvoiceRepository invoices,
    ReminderSchedulePreview preview,
    CollectionPolicyBook policies,
    BillingAnswers answers)
{
    public async Task<IReadOnlyList<Activity>> AnswerAsync(Caller caller, UtteranceUnderstanding understanding, CancellationToken cancellationToken)
    {
        var t = ReminderCardTexts.For(caller.Culture);
        var customer = caller.Customer!;
        if (caller.UserObjectId is not { } user || customer.FindContact(user) is not { CanSeeAmounts: true })
        {
            return Text(t.Format("Chat_NotAContact", answers.Person(caller)));
        }

        var words = TextFolding.Fold(understanding.Text);
        if (LanguageAsked(words) is { } language)
        {
            await controls.SavePreferenceAsync(new ReminderPreference(customer.TenantId, user, language, caller.Now), cancellationToken).ConfigureAwait(false);
            return Text(ReminderCardTexts.For(Conversations.CallerResolver.CultureOf(language))["Chat_LanguageSet"]);
        }

        if (IsStop(words))
        {
            if (understanding.Entities.InvoiceNumbers.FirstOrDefault() is not { } number)
            {
                return Text(t["Chat_WhichInvoiceToStop"]);
            }

            if (await invoices.FindAsync(customer.TenantId, number, cancellationToken).ConfigureAwait(false) is null)
            {
                return Text(caller.Format.Texts.Format("InvoiceNotFound", number));
            }

            await controls.SaveOptOutAsync(new ReminderOptOut(customer.TenantId, number, user, caller.Now), cancellationToken).ConfigureAwait(false);
            return Text(t.Format("Chat_StoppedInvoice", number));
        }

        var upcoming = await preview.NextForAsync(customer, user, caller.Now, cancellationToken).ConfigureAwait(false);
        var schedule = t.Format("Chat_Schedule", caller.Format.JoinAnd([.. policies.For(customer.TenantId).ReminderDaysBeforeDue.OrderDescending().Select(caller.Format.Days)]));
        if (upcoming.Count == 0)
        {
            return Text(t["Chat_NoReminders"] + " " + schedule);
        }

        var lines = upcoming.Select(r => t.Format("Chat_NextReminderLine", caller.Format.Date(r.Day), r.Reminder.InvoiceNumber ?? "-", Stage(r.Reminder, t, caller.Format)));
        var message = ActivityExtensions.CreateMessage(t["Chat_NextReminders"] + "\n\n" + string.Join("\n", lines) + "\n\n" + schedule);
        message.TextFormat = "markdown";
        return [message];
    }

    private static string Stage(PlannedReminder reminder, ReminderCardTexts t, BillingFormat f) => reminder.Kind switch
    {
        ReminderKind.Upcoming => t.Format("Stage_Upcoming", f.Days(-reminder.DayOffset)),
        ReminderKind.DueToday => t["Stage_DueToday"],
        ReminderKind.Overdue => t.Format("Stage_Overdue", f.Days(reminder.DayOffset)),
        _ => t["Stage_SuspensionWarning"],
    };

    private static string? LanguageAsked(string folded) =>
        folded.Contains("po polsku", StringComparison.Ordinal) || folded.Contains("polish", StringComparison.Ordinal) || folded.Contains("polskim", StringComparison.Ordinal) ? "pl"
        : folded.Contains("po angielsku", StringComparison.Ordinal) || folded.Contains("english", StringComparison.Ordinal) || folded.Contains("angielskim", StringComparison.Ordinal) ? "en"
        : null;

    private static bool IsStop(string folded) =>
        new[] { "stop", "nie przypominaj", "przestan", "wylacz", "don't remind", "dont remind", "do not remind", "no more", "wiecej nie", "unsubscribe", "nie wysylaj" }
            .Any(w => folded.Contains(w, StringComparison.Ordinal));

    private static IReadOnlyList<Activity> Text(string text) => [ActivityExtensions.CreateMessage(text)];
}
