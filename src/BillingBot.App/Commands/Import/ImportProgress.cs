using System.Globalization;

namespace BillingBot.App.Commands.Import;

/// <summary>Progress of a large file on the error stream (every 1 000 rows read or written), and a closing line per phase.</summary>
internal sealed class ImportProgress(TextWriter error, string file)
{
    public const int Every = 1000;

    public Task ReadAsync(int rows) =>
        rows % Every == 0 ? error.WriteLineAsync(Format($"{file}: {rows:N0} rows read")) : Task.CompletedTask;

    public Task ReadDoneAsync(ImportedFile result) =>
        error.WriteLineAsync(Format($"{file}: {result.Rows:N0} rows read, {result.Good:N0} valid, {result.Rows - result.Good:N0} with errors"));

    public Task WrittenAsync(int written, int total) =>
        error.WriteLineAsync(Format($"{file}: {written:N0} of {total:N0} rows written"));

    // Thousands with a plain space, the same in every culture: "5 000 rows".
    private static string Format(FormattableString text) =>
        text.ToString(new NumberFormatInfo { NumberGroupSeparator = " ", NumberDecimalDigits = 0 });
}
