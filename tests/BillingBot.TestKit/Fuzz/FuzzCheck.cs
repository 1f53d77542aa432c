using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace BillingBot.TestKit.Fuzz;

/// <summary>
/// Runs a property over inputs drawn from an FsCheck generator, reproducibly: input number i is drawn from a random
/// source made from the test's seed and i, at a size that grows with i as FsCheck's own runner does. Every input is
/// tried (a failure does not stop the run), the count goes to <see cref="FuzzTally"/>, and a failure names the seed,
/// the input's number and the input itself.
/// </summary>
public static class FuzzCheck
{
    /// <summary>Overrides every fuzz test's seed, to explore other inputs: <c>BILLINGBOT_FUZZ_SEED=42</c>.</summary>
    public const string SeedVariable = "BILLINGBOT_FUZZ_SEED";

    private const int MaxSize = 100;
    private const int MaxReported = 5;
    private const int MaxShown = 1500;

    /// <summary>The seed a test runs with: <see cref="SeedVariable"/> when set, else the test's own fixed seed.</summary>
    public static ulong SeedOr(ulong fixedSeed) =>
        ulong.TryParse(Environment.GetEnvironmentVariable(SeedVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var seed) ? seed : fixedSeed;

    /// <summary>The input number <paramref name="index"/> of a run with <paramref name="seed"/>.</summary>
    public static T Input<T>(Gen<T> inputs, ulong seed, int index)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var size = index % MaxSize;
        return Gen.Sample(inputs, 1, new Rnd(Mix(seed, index)), size)[0];
    }

    /// <summary>
    /// Tries <paramref name="count"/> inputs (times <see cref="FuzzTally.Scale"/>); the property answers null when it
    /// holds, else what went wrong. An exception out of the property is a failure too.
    /// </summary>
    public static async Task RunAsync<T>(
        string test,
        ulong seed,
        int count,
        Gen<T> inputs,
        Func<T, Task<string?>> property,
        Func<T, string>? show = null)
    {
        ArgumentNullException.ThrowIfNull(property);
        seed = SeedOr(seed);
        var total = FuzzTally.Scaled(count);
        var failures = new List<(int Index, T Input, string Problem)>();
        for (var i = 0; i < total; i++)
        {
            var input = Input(inputs, seed, i);
            string? problem;
            try
            {
                problem = await property(input).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Whatever the property throws is a finding to report, not to crash the run on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                problem = "threw " + ex;
            }

            if (problem is not null)
            {
                failures.Add((i, input, problem));
            }
        }

        FuzzTally.Record(test, total, failures.Count, seed);
        if (failures.Count > 0)
        {
            throw new Xunit.Sdk.XunitException(Describe(test, seed, total, failures, show ?? (x => x?.ToString() ?? "null")));
        }
    }

    /// <summary>The synchronous form of <see cref="RunAsync"/>, for properties of pure functions.</summary>
    public static void Run<T>(string test, ulong seed, int count, Gen<T> inputs, Func<T, string?> property, Func<T, string>? show = null)
    {
        ArgumentNullException.ThrowIfNull(property);
        RunAsync(test, seed, count, inputs, x => Task.FromResult(property(x)), show).GetAwaiter().GetResult();
    }

    private static string Describe<T>(string test, ulong seed, int total, List<(int Index, T Input, string Problem)> failures, Func<T, string> show)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{test}: {failures.Count} of {total} inputs failed with seed {seed} ({SeedVariable}={seed} draws the same inputs).");
        foreach (var (index, input, problem) in failures.Take(MaxReported))
        {
            var shown = show(input);
            text.Append(CultureInfo.InvariantCulture, $"\n#{index}: {Cut(problem)}\n    input: {Cut(shown)}");
        }

        return text.ToString();
    }

    private static string Cut(string text) => text.Length <= MaxShown ? text : text[..MaxShown] + $"… ({text.Length} characters)";

    // SplitMix64's finaliser: neighbouring indexes give unrelated random sources.
    private static ulong Mix(ulong seed, int index)
    {
        var z = seed + (0x9E3779B97F4A7C15UL * (ulong)(index + 1));
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
