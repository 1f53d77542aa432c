namespace BillingBot.App.Reminders.Cards;

/// <summary>A line that tells what happened to the reminder since it was sent; <see cref="Closes"/> removes its buttons.</summary>
public sealed record ReminderCardNote(string Text, bool IsGood, bool Closes);
