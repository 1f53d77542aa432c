namespace BillingBot.App.Commands.Import;

/// <summary>A problem found in an import file, at the line where its row starts (1 for the header).</summary>
internal sealed record RowError(int Line, string Message);
