namespace BillingBot.Understanding;

/// <summary>An invoice number found in a text: where, as typed, and in its canonical form FV/YYYY/MM/NNN.</summary>
public sealed record RecognizedInvoiceNumber(int Index, int Length, string Text, string Number);
