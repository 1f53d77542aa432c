using System.Globalization;
using BillingBot.TestKit.Fuzz;

namespace BillingBot.App.Tests.Fuzz;

/// <summary>
/// A generated click on a card: the verb, who clicks where, changes to the data the button carries (generic JSON
/// mutations, and values swapped for ids and tokens of the world), the trigger, changes to the invoke's value around
/// the action, and whether it is forged on purpose. Printable, so a failing click reads as what was done.
/// </summary>
public sealed record CardClick(
    int Verb,
    int Actor,
    IReadOnlyList<JsonMutation> DataMutations,
    IReadOnlyList<(int Field, int Token)> Swaps,
    int Trigger,
    IReadOnlyList<JsonMutation> EnvelopeMutations,
    Forgery Forgery)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"verb {Verb}, actor {Actor}, forgery {Forgery}, trigger {Trigger}, data [{string.Join(", ", DataMutations)}], swaps [{string.Join(", ", Swaps.Select(s => $"{s.Field}={s.Token}"))}], envelope [{string.Join(", ", EnvelopeMutations)}]");
}
