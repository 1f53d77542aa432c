namespace BillingBot.App.Reminders;

/// <summary>A person a forecast reminder goes to: their Entra object id, name (as the customer lists them) and language.</summary>
public sealed record ReminderForecastRecipient(string ObjectId, string Name, string Language);
