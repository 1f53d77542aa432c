using System.Globalization;

namespace BillingBot.TestKit.Fuzz;

/// <summary>
/// One change to a payload: its <see cref="Kind"/>, the value or byte it hits (<see cref="Target"/>, taken modulo the
/// payload's values or as a fraction of its length) and which variant of the change (<see cref="Variant"/>, an index
/// into the kind's table). Small and printable, so a failing input reads as the list of what was done to it.
/// </summary>
public readonly record struct JsonMutation(JsonMutationKind Kind, int Target, int Variant)
{
    /// <summary>Whether the change works on the serialized bytes rather than on a value of the JSON tree.</summary>
    public bool OnBytes => Kind is JsonMutationKind.Truncate or JsonMutationKind.InvalidUtf8 or JsonMutationKind.FlipByte or JsonMutationKind.EmptyBody;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Kind}@{Target}/{Variant}");
}
