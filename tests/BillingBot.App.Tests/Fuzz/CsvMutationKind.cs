namespace BillingBot.App.Tests.Fuzz;

/// <summary>What a <see cref="CsvMutation"/> does to an import file: to its table, or to its text and bytes.</summary>
public enum CsvMutationKind
{
    /// <summary>A cell becomes an odd token: a bad date, amount or currency, a formula, a quote, a newline…</summary>
    OddCell,

    /// <summary>A cell holds a huge text: tens of thousands of characters up to a megabyte.</summary>
    HugeField,

    /// <summary>A column is gone, from the header and the rows.</summary>
    DropColumn,

    /// <summary>A column is gone from the header only, so the rows have one field too many.</summary>
    DropHeaderName,

    /// <summary>A column is there twice.</summary>
    DuplicateColumn,

    /// <summary>A column nobody knows is added.</summary>
    ExtraColumn,

    /// <summary>A column's name is written otherwise: upper case, padded, misspelt.</summary>
    RenameColumn,

    /// <summary>A row is there twice.</summary>
    DuplicateRow,

    /// <summary>A row loses its last field.</summary>
    ShortRow,

    /// <summary>A row gets a field more.</summary>
    LongRow,

    /// <summary>Another delimiter: semicolon, tab, pipe, comma and space.</summary>
    Delimiter,

    /// <summary>Other line ends: CRLF, CR alone, a mix, blank lines between rows.</summary>
    LineEnds,

    /// <summary>A byte order mark, or the whole file in another encoding (UTF-16, Windows-1250, Latin-2).</summary>
    Encoding,

    /// <summary>A stray double quote somewhere in the text.</summary>
    StrayQuote,

    /// <summary>Bytes that are not UTF-8, or a NUL, somewhere in the file.</summary>
    BadBytes,

    /// <summary>The file cut short.</summary>
    Truncate,

    /// <summary>Every field quoted, or padded with spaces, or every line ending with a delimiter.</summary>
    Spreadsheet,

    /// <summary>Nothing at all, or the header alone, or an Excel "sep=," line first.</summary>
    Degenerate,
}
