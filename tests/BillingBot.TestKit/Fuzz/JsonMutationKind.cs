namespace BillingBot.TestKit.Fuzz;

/// <summary>What a <see cref="JsonMutation"/> does to a payload: to one of its values, or to its bytes.</summary>
public enum JsonMutationKind
{
    /// <summary>Removes a field or an array element.</summary>
    Drop,

    /// <summary>Makes a value null.</summary>
    Null,

    /// <summary>Replaces a value with one of another JSON type: a number where a string is expected, an object for an array…</summary>
    Retype,

    /// <summary>Replaces a value with an odd string: empty, blank, right-to-left, zero-width, control characters, emoji…</summary>
    OddString,

    /// <summary>Inserts an odd character (RTL mark, zero-width joiner, BOM, combining mark…) into a string.</summary>
    OddCharacter,

    /// <summary>Replaces a value with a plausible but wrong token: another activity type, verb, locale, date, URL or id.</summary>
    WrongToken,

    /// <summary>Replaces a value with a huge string.</summary>
    HugeString,

    /// <summary>Replaces a value with arrays nested deep.</summary>
    DeepNesting,

    /// <summary>Replaces a value with raw text that is odd or invalid JSON: 1e999, NaN, a lone surrogate escape, a trailing comma…</summary>
    RawToken,

    /// <summary>Adds an unknown field to an object.</summary>
    ExtraField,

    /// <summary>Writes one of an object's fields twice, the second time with another value.</summary>
    DuplicateField,

    /// <summary>Wraps a value in an array.</summary>
    WrapInArray,

    /// <summary>Cuts the body short.</summary>
    Truncate,

    /// <summary>Inserts bytes that are not valid UTF-8 (or a BOM, or a NUL).</summary>
    InvalidUtf8,

    /// <summary>Flips bits of one byte.</summary>
    FlipByte,

    /// <summary>Sends no body at all.</summary>
    EmptyBody,
}
