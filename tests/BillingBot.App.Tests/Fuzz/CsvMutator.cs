using System.Text;

namespace BillingBot.App.Tests.Fuzz;

/// <summary>
/// Writes an import table as a CSV file with <see cref="CsvMutation"/>s made: first those on the table (cells, columns,
/// rows), then the way it is written (delimiter, line ends, quoting), then its text and bytes (stray quotes, cuts,
/// encodings, bytes that are not UTF-8).
/// </summary>
internal static class CsvMutator
{
    private static readonly string[] OddCells =
    [
        "2026-02-30", "30.11.2026", "2026/11/30", "2026-11-30T10:00", "0000-01-01", "9999-12-31", "2026-13-01", "26-11-30",
        "1,234.50", "1 234,50", "12.345", "-0.00", "1e3", "NaN", "999999999999999999", "0x10", "+5.00", "٣٤", "１２３",
        "-999999999999999.99", "999999999999999.99", "0.001", "pln", "ZŁ", "XXX", "EURO", "€", "XTS", "0", "1", "99", "-1",
        "Paid,Issued", "paid", "Basic, Premium", "Primary|x", "=cmd|' /C calc'!A0", "+SUM(A1:A9)", "-2+3", "@SUM(1)",
        "=HYPERLINK(\"http://evil.example\",\"x\")", "\t=1+1", "", " ", "\"", "a,b", "a\nb", "a\r\nb", "a\"b", "\"\"\"",
        ";", "|", "a|b|c|d", "x|1|1.00;y", "|||", ";;;", "Żółć", "\u202Eabc", "\u0000", "👍", "\uFEFF", "FV/2026/10/101",
        "PAY-1", "http://billing.example/x.pdf", "ftp://x", "https://", "javascript:alert(1)", "https://example.com/a b",
        "2026-11-21T10:00:00Z", "2026-11-21T25:00:00+01:00", "2026-11-21T10:00:00+14:00", "2026-11-21T10:00:00-12:00",
        "2026-11-21T10:00:00.12345678+01:00", "not-an-email", "Anna <a@b.example>", "Europe/Atlantis", "UTC", "Local",
        "../../etc/localtime", "xx-XX", "pl", "i-klingon", "en-US-u-ca-hebrew", new string('x', 100_000), new string('9', 40),
        "FV/2026/10/101|1|1.00", "Microsoft 365|0|0.00", "Microsoft 365|1|-5.00", "Microsoft 365|1e2|5.00",
    ];

    private static readonly (int Length, string Filler)[] HugeFields = [(33_000, "x"), (40_000, "ż"), (100_000, "FV/"), (1_000_000, "x"), (20_000, "\"")];

    private static readonly string[] ColumnNames = ["TENANT_ID", " tenant_id ", "tenantid", "Tenant Id", "due date", "kwota", "", "\"quoted\"", "tax"];

    private static readonly (char Delimiter, string Name)[] Delimiters = [(';', "semicolon"), ('\t', "tab"), ('|', "pipe"), (',', "comma and space")];

    private static readonly string[] LineEnds = ["\r\n", "\r", "mixed", "blank lines"];

    private static readonly byte[][] BadByteRuns = [[0xFF], [0x00], [0xC3], [0xED, 0xA0, 0x80], [0xFE, 0xFF], [0x1A]];

    public static int VariantCount(CsvMutationKind kind) => kind switch
    {
        CsvMutationKind.OddCell => OddCells.Length,
        CsvMutationKind.HugeField => HugeFields.Length,
        CsvMutationKind.RenameColumn or CsvMutationKind.ExtraColumn => ColumnNames.Length,
        CsvMutationKind.Delimiter => Delimiters.Length,
        CsvMutationKind.LineEnds => LineEnds.Length,
        CsvMutationKind.Encoding => 6,
        CsvMutationKind.BadBytes => BadByteRuns.Length,
        CsvMutationKind.Spreadsheet => 3,
        CsvMutationKind.Degenerate => 3,
        _ => 1,
    };

    /// <summary>The file's bytes.</summary>
    public static byte[] Write(CsvTable table, IReadOnlyList<CsvMutation> mutations)
    {
        var t = table.Copy();
        var delimiter = ',';
        var newline = "\n";
        var spreadsheet = -1;
        foreach (var m in mutations)
        {
            switch (m.Kind)
            {
                case CsvMutationKind.OddCell when t.Rows.Count > 0 && t.Header.Count > 0:
                    var row = t.Rows[m.Target % t.Rows.Count];
                    if (row.Count > 0)
                    {
                        row[m.Target / 7 % row.Count] = OddCells[m.Variant % OddCells.Length];
                    }

                    break;
                case CsvMutationKind.HugeField when t.Rows.Count > 0:
                    var target = t.Rows[m.Target % t.Rows.Count];
                    if (target.Count > 0)
                    {
                        var (length, filler) = HugeFields[m.Variant % HugeFields.Length];
                        target[m.Target / 7 % target.Count] = string.Concat(Enumerable.Repeat(filler, length / filler.Length));
                    }

                    break;
                case CsvMutationKind.DropColumn when t.Header.Count > 0:
                    var drop = m.Target % t.Header.Count;
                    t.Header.RemoveAt(drop);
                    t.Rows.ForEach(r => r.RemoveAt(Math.Min(drop, r.Count - 1)));
                    break;
                case CsvMutationKind.DropHeaderName when t.Header.Count > 0:
                    t.Header.RemoveAt(m.Target % t.Header.Count);
                    break;
                case CsvMutationKind.DuplicateColumn when t.Header.Count > 0:
                    var copy = m.Target % t.Header.Count;
                    t.Header.Add(t.Header[copy]);
                    t.Rows.ForEach(r => r.Add(r[Math.Min(copy, r.Count - 1)]));
                    break;
                case CsvMutationKind.ExtraColumn:
                    t.Header.Add(ColumnNames[m.Variant % ColumnNames.Length] + "_extra");
                    t.Rows.ForEach(r => r.Add("extra"));
                    break;
                case CsvMutationKind.RenameColumn when t.Header.Count > 0:
                    t.Header[m.Target % t.Header.Count] = ColumnNames[m.Variant % ColumnNames.Length];
                    break;
                case CsvMutationKind.DuplicateRow when t.Rows.Count > 0:
                    var twice = m.Target % t.Rows.Count;
                    t.Rows.Insert(twice, [.. t.Rows[twice]]);
                    break;
                case CsvMutationKind.ShortRow when t.Rows.Count > 0 && t.Rows[m.Target % t.Rows.Count].Count > 0:
                    t.Rows[m.Target % t.Rows.Count].RemoveAt(t.Rows[m.Target % t.Rows.Count].Count - 1);
                    break;
                case CsvMutationKind.LongRow when t.Rows.Count > 0:
                    t.Rows[m.Target % t.Rows.Count].Add("one too many");
                    break;
                case CsvMutationKind.Delimiter:
                    delimiter = Delimiters[m.Variant % Delimiters.Length].Delimiter;
                    break;
                case CsvMutationKind.LineEnds:
                    newline = LineEnds[m.Variant % LineEnds.Length];
                    break;
                case CsvMutationKind.Spreadsheet:
                    spreadsheet = m.Variant % 3;
                    break;
            }
        }

        var text = Render(t, delimiter, newline, spreadsheet, commaAndSpace: delimiter == ',' && mutations.Any(m => m is { Kind: CsvMutationKind.Delimiter, Variant: 3 }));
        foreach (var m in mutations)
        {
            switch (m.Kind)
            {
                case CsvMutationKind.StrayQuote when text.Length > 0:
                    text = text.Insert(m.Target % text.Length, "\"");
                    break;
                case CsvMutationKind.Degenerate:
                    text = (m.Variant % 3) switch
                    {
                        0 => string.Empty,
                        1 => text.Split('\n')[0] + "\n",
                        _ => "sep=," + "\n" + text,
                    };
                    break;
            }
        }

        var bytes = new UTF8Encoding(false).GetBytes(text);
        foreach (var m in mutations)
        {
            var position = bytes.Length == 0 ? 0 : (int)((long)(m.Target % 1000) * bytes.Length / 1000);
            switch (m.Kind)
            {
                case CsvMutationKind.Truncate:
                    bytes = bytes[..position];
                    break;
                case CsvMutationKind.BadBytes:
                    bytes = [.. bytes[..position], .. BadByteRuns[m.Variant % BadByteRuns.Length], .. bytes[position..]];
                    break;
                case CsvMutationKind.Encoding:
                    bytes = Encode(text, m.Variant % 6);
                    break;
            }
        }

        return bytes;
    }

    private static byte[] Encode(string text, int variant) => variant switch
    {
        0 => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
        1 => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
        2 => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        3 => Encoding.Unicode.GetBytes(text),
        4 => Encoding.Latin1.GetBytes(text),
        _ => [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(text)],
    };

    private static string Render(CsvTable table, char delimiter, string newline, int spreadsheet, bool commaAndSpace)
    {
        var lines = new List<string> { Line(table.Header, delimiter, spreadsheet, commaAndSpace) };
        lines.AddRange(table.Rows.Select(r => Line(r, delimiter, spreadsheet, commaAndSpace)));
        return newline switch
        {
            "mixed" => string.Concat(lines.Select((l, i) => l + (i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\n" : "\r"))),
            "blank lines" => string.Join("\n\n", lines) + "\n",
            _ => string.Join(newline, lines) + newline,
        };
    }

    private static string Line(List<string> cells, char delimiter, int spreadsheet, bool commaAndSpace)
    {
        var separator = commaAndSpace ? ", " : delimiter.ToString();
        var line = string.Join(separator, cells.Select(c => spreadsheet switch
        {
            0 => "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
            1 => " " + Quote(c, delimiter) + " ",
            _ => Quote(c, delimiter),
        }));
        return spreadsheet == 2 ? line + separator : line;
    }

    /// <summary>A field as RFC 4180 writes it: quoted when it holds the delimiter, a quote, a line end or outer spaces.</summary>
    public static string Quote(string cell, char delimiter = ',') =>
        cell.Contains(delimiter, StringComparison.Ordinal) || cell.Contains('"', StringComparison.Ordinal) || cell.Contains('\n', StringComparison.Ordinal)
            || cell.Contains('\r', StringComparison.Ordinal) || (cell.Length > 0 && (char.IsWhiteSpace(cell[0]) || char.IsWhiteSpace(cell[^1])))
            ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : cell;
}
