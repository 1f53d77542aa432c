using FsCheck;
using FsCheck.Fluent;

namespace BillingBot.App.Tests.Fuzz;

/// <summary>
/// FsCheck generators of what people type, and worse: Polish and English fragments of billing questions, invoice numbers
/// as typed, amounts, dates, emoji, control characters, right-to-left and zero-width marks, digits of other scripts,
/// random code points, and texts thousands of characters long.
/// </summary>
internal static class TextGen
{
    private static readonly string[] Fragments =
    [
        "ile jestem winien", "czy faktura", "jest opłacona", "do kiedy mam zapłacić", "invoice", "is my invoice paid",
        "when is it due", "how do I pay", "pokaż faktury", "chcę porozmawiać z konsultantem", "talk to a person", "pomoc",
        "help", "dziękuję", "thanks", "cześć", "reklamacja", "dispute", "przypomnij mi", "stop reminders", "anuluj", "cancel",
        "kupić licencje Copilot", "why is my bill higher", "dlaczego faktura jest wyższa", "co jeśli nie zapłacę",
        "FV/2026/10/017", "fv 2026-10-17", "FV2026/1/1", "FV/1999/13/000", "FV/2099/99/99999", "FV 2026 10 017 FV 2026 10 018",
        "FV/0000/00/0", "fv//2026//10//17", "1 250,00 zł", "1,250.00 PLN", "€99", "12.345,67", "-5 zł", "1e6 PLN",
        "999999999999999999999 zł", "0,01 gr", "1 000 000 000 000 000 000", "15 grudnia", "31.02.2026", "next Friday",
        "przyszły piątek", "2026-11-30", "za 3 dni", "in 99999 days", "koniec miesiąca", "29 lutego 2027", "32 grudnia",
        "last month's invoice", "faktura za październik", "pierwszy", "31st", "XII", "12/15", "T-2026-000123", "T -2026- 7",
        "٣٤٥", "１２３", "⁴²", "½", "Ⅻ", "👍", "🇵🇱", "👩‍👩‍👧‍👦", "\u0000", "\u0007", "\u001B[0m", "\u007F", "\u0085",
        "\u202Eodwrócone\u202C", "\u200B\u200C\u200D", "\uFEFF", "a\u0301\u0302", "\u2028", "\u00A0", "\u3000", "İı", "ß",
        "<at>BillingBot</at>", "<at>", "</at>", "staff add", "personel", "use this channel", "użyj tego kanału", "?", "!!!",
        "...", "$$$", "%", "&&", "||", "\\", "\"", "'", "`", "{}", "[]", "null", "undefined", "NaN", "-0", "0x1F",
    ];

    private static readonly string[] Separators = [" ", " ", " ", "", "\n", ", ", "\t", "  ", "\r\n", "/", "-"];

    /// <summary>A message: a few fragments and code points, sometimes repeated into thousands of characters.</summary>
    public static Gen<string> Texts { get; } = Gen.Frequency(
        (40, Phrase()),
        (8, Gen.Sized(size => Gen.ListOf(CodePoint(), 1 + size)).Select(points => string.Concat(points))),
        (1, Phrase().SelectMany(_ => Gen.Elements(1_000, 4_000), (text, length) => Repeat(text, length))));

    private static Gen<string> Phrase() =>
        Gen.Sized(size => Gen.Choose(1, 2 + (size / 10)))
            .SelectMany(count => Gen.ListOf(Gen.OneOf(Gen.Elements(Fragments), CodePoint()).SelectMany(_ => Gen.Elements(Separators), (piece, separator) => piece + separator), count))
            .Select(pieces => string.Concat(pieces));

    /// <summary>Any code point, mostly from the planes people type in; lone surrogates too.</summary>
    private static Gen<string> CodePoint() => Gen.Frequency(
        (4, Gen.Choose(0x20, 0x17F).Select(c => ((char)c).ToString())),
        (2, Gen.Choose(0, 0x1F).Select(c => ((char)c).ToString())),
        (2, Gen.Choose(0x80, 0xFFFF).Select(c => ((char)c).ToString())),
        (1, Gen.Choose(0x10000, 0x10FFFF).Select(char.ConvertFromUtf32)));

    private static string Repeat(string text, int length)
    {
        if (text.Length == 0)
        {
            return text;
        }

        return string.Concat(Enumerable.Repeat(text, (length / text.Length) + 1))[..length];
    }
}
