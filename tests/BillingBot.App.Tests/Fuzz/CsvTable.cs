namespace BillingBot.App.Tests.Fuzz;

/// <summary>An import file as a table: the header and the rows of cells, before it is written as CSV.</summary>
public sealed record CsvTable(List<string> Header, List<List<string>> Rows)
{
    public CsvTable Copy() => new([.. Header], [.. Rows.Select(r => r.ToList())]);
}
