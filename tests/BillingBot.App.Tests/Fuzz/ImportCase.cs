using BillingBot.App.Commands.Import;

namespace BillingBot.App.Tests.Fuzz;

/// <summary>
/// A generated import: the kind of file, its valid rows (ids still carrying the input's placeholder), the changes made
/// to the file, and the options it is imported with (--skip-bad-rows; --kind given rightly, wrongly or not at all).
/// </summary>
internal sealed record ImportCase(ImportKind Kind, IReadOnlyList<List<string>> Rows, IReadOnlyList<CsvMutation> Mutations, bool SkipBadRows, int KindOption)
{
    public override string ToString() =>
        $"{Kind}, {Rows.Count} rows, [{string.Join(", ", Mutations)}]{(SkipBadRows ? " --skip-bad-rows" : "")}{KindOption switch { 1 => " --kind (right)", 2 => " --kind (wrong)", _ => "" }}";
}
