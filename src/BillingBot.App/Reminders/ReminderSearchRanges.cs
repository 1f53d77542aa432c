namespace BillingBot.App.Reminders;

/// <summary>
/// The due dates a day's reminder search reads (<see cref="ReminderCandidates.RangesFor"/>): the policy's window, the
/// earliest issue date whose new-invoice notice may still be due, and the merged ranges of due dates to read.
/// </summary>
public sealed record ReminderSearchRanges(DateOnly WindowFrom, DateOnly WindowTo, DateOnly IssuedFrom, IReadOnlyList<(DateOnly From, DateOnly To)> Ranges);
