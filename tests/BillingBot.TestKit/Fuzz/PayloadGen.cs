using FsCheck;
using FsCheck.Fluent;

namespace BillingBot.TestKit.Fuzz;

/// <summary>FsCheck generators of mangled payloads: a template of a corpus, one to a few changes, and a content type.</summary>
public static class PayloadGen
{
    private const int Targets = 1_000_000;

    /// <summary>One change of any kind; changes to values are more frequent than changes to bytes.</summary>
    public static Gen<JsonMutation> Mutation { get; } = Gen.Frequency(
        (6, Of(JsonMutationKind.Drop)),
        (4, Of(JsonMutationKind.Null)),
        (6, Of(JsonMutationKind.Retype)),
        (5, Of(JsonMutationKind.OddString)),
        (5, Of(JsonMutationKind.OddCharacter)),
        (6, Of(JsonMutationKind.WrongToken)),
        (1, Of(JsonMutationKind.HugeString)),
        (2, Of(JsonMutationKind.DeepNesting)),
        (3, Of(JsonMutationKind.RawToken)),
        (3, Of(JsonMutationKind.ExtraField)),
        (3, Of(JsonMutationKind.DuplicateField)),
        (2, Of(JsonMutationKind.WrapInArray)),
        (2, Of(JsonMutationKind.Truncate)),
        (3, Of(JsonMutationKind.InvalidUtf8)),
        (1, Of(JsonMutationKind.FlipByte)),
        (1, Of(JsonMutationKind.EmptyBody)));

    /// <summary>Changes to values only: the payload stays JSON, so it reaches the bot unless a check refuses it.</summary>
    public static Gen<JsonMutation> TreeMutation { get; } = Mutation.Where(m => !m.OnBytes);

    /// <summary>
    /// Payloads of a corpus of <paramref name="templates"/> templates: one change up to five as inputs grow, mostly
    /// posted as JSON. With <paramref name="bytes"/> false the changes keep the payload well-formed… mostly (raw tokens
    /// may still break it).
    /// </summary>
    public static Gen<MangledPayload> Payloads(int templates, bool bytes = true)
    {
        var mutation = bytes ? Mutation : TreeMutation;
        var changes = Gen.Sized(size => Gen.Choose(1, 1 + (size / 25)).SelectMany(n => Gen.ListOf(mutation, n)));
        var contentType = Gen.Frequency((8, Gen.Constant(0)), (2, Gen.Choose(0, JsonMutator.ContentTypes.Count - 1)));
        return Gen.Choose(0, templates - 1)
            .SelectMany(_ => changes, (template, list) => (template, list))
            .SelectMany(_ => contentType, (t, type) => new MangledPayload(t.template, [.. t.list], bytes ? type : 0));
    }

    private static Gen<JsonMutation> Of(JsonMutationKind kind) =>
        Gen.Choose(0, Targets - 1).SelectMany(_ => Gen.Choose(0, JsonMutator.VariantCount(kind) - 1), (target, variant) => new JsonMutation(kind, target, variant));
}
