using System.Globalization;

namespace BillingBot.TestKit.Fuzz;

/// <summary>
/// How many inputs each fuzz or property test tried, one line per test in <c>fuzz-tally.tsv</c> next to the test
/// assembly: the test, the inputs tried, the failures and the seed. The file starts afresh with each test run (the
/// first line written by a process replaces what an earlier run left). Thread-safe.
/// </summary>
public static class FuzzTally
{
    /// <summary>The tally's file name, in the test output directory.</summary>
    public const string FileName = "fuzz-tally.tsv";

    /// <summary>An opt-in multiplier of every test's input count, for a long run: <c>BILLINGBOT_FUZZ_SCALE=20</c>.</summary>
    public const string ScaleVariable = "BILLINGBOT_FUZZ_SCALE";

    private const string Header = "test\tinputs\tfailures\tseed";

    private static readonly Lock Gate = new();
    private static bool _started;

    /// <summary>Where the tally is written: the directory of the test assembly.</summary>
    public static string FilePath => Path.Combine(AppContext.BaseDirectory, FileName);

    /// <summary>The multiplier from <see cref="ScaleVariable"/>; 1 when it is unset or not a positive whole number.</summary>
    public static int Scale =>
        int.TryParse(Environment.GetEnvironmentVariable(ScaleVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var scale) && scale > 0
            ? scale
            : 1;

    /// <summary>A test's default input count, multiplied by <see cref="Scale"/>.</summary>
    public static int Scaled(int count) => checked(count * Scale);

    /// <summary>Appends one test's line.</summary>
    public static void Record(string test, int inputs, int failures, ulong seed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(test);
        var line = string.Create(CultureInfo.InvariantCulture, $"{test}\t{inputs}\t{failures}\t{seed}{Environment.NewLine}");
        lock (Gate)
        {
            if (!_started)
            {
                File.WriteAllText(FilePath, Header + Environment.NewLine);
                _started = true;
            }

            File.AppendAllText(FilePath, line);
        }
    }
}
