using BillingBot.TestKit.Fuzz;
using FsCheck;
using FsCheck.Fluent;

namespace BillingBot.App.Tests.Fuzz;

/// <summary>FsCheck generators of card clicks (Action.Execute invokes) and Action.Submit values.</summary>
internal static class CardClickGen
{
    /// <summary>Changes to a button's data that keep it JSON a JSON tree can hold.</summary>
    public static Gen<JsonMutation> DataMutation { get; } = PayloadGen.TreeMutation
        .Where(m => m.Kind is not (JsonMutationKind.RawToken or JsonMutationKind.DeepNesting or JsonMutationKind.DuplicateField));

    public static Gen<CardClick> Clicks(int verbs, int actors, int fields, int tokens) =>
        Gen.Frequency((6, Gen.Constant(Forgery.None)), (2, Gen.Constant(Forgery.ForeignTenant)), (2, Gen.Constant(Forgery.UnknownIds)))
            .SelectMany(forgery => Gen.Choose(0, verbs - 1), (forgery, verb) => (forgery, verb))
            .SelectMany(_ => Gen.Choose(0, actors - 1), (c, actor) => (c.forgery, c.verb, actor))
            .SelectMany(_ => Changes(fields, tokens), (c, changes) => (c.forgery, c.verb, c.actor, changes.Mutations, changes.Swaps))
            .SelectMany(_ => Gen.Frequency((8, Gen.Constant(0)), (2, Gen.Choose(0, 4))), (c, trigger) => (c.forgery, c.verb, c.actor, c.Mutations, c.Swaps, trigger))
            .SelectMany(_ => Gen.Frequency((9, Gen.Constant(new List<JsonMutation>())), (1, Gen.ListOf(DataMutation, 1))), (c, envelope) =>
                c.forgery == Forgery.None
                    ? new CardClick(c.verb, c.actor, c.Mutations, c.Swaps, c.trigger, envelope, c.forgery)
                    // A forged click changes nothing else, so that it is exactly as invalid as it is meant to be.
                    : new CardClick(c.verb, c.actor, [], [], 0, [], c.forgery));

    /// <summary>Zero to three generic mutations and zero to three swapped values, more as inputs grow.</summary>
    public static Gen<(IReadOnlyList<JsonMutation> Mutations, IReadOnlyList<(int Field, int Token)> Swaps)> Changes(int fields, int tokens)
    {
        var swap = Gen.Choose(0, fields - 1).SelectMany(_ => Gen.Choose(0, tokens - 1), (field, token) => (field, token));
        return Gen.Sized(size => Gen.Choose(0, Math.Min(3, size / 20)))
            .SelectMany(n => Gen.ListOf(DataMutation, n))
            .SelectMany(_ => Gen.Sized(size => Gen.Choose(0, Math.Min(3, 1 + (size / 30)))).SelectMany(n => Gen.ListOf(swap, n)),
                (mutations, swaps) => ((IReadOnlyList<JsonMutation>)[.. mutations], (IReadOnlyList<(int, int)>)[.. swaps]));
    }
}
