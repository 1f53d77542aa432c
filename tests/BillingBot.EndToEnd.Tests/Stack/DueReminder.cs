namespace BillingBot.EndToEnd.Tests.Stack;

/// <summary>A reminder the app's dry run says is due today for the Playground's user: the invoice, its stage's kind and the language.</summary>
public sealed record DueReminder(string InvoiceNumber, string Kind, string Language);
