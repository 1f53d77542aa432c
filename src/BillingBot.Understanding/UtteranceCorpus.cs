using BillingBot.Billing.Understanding;

namespace BillingBot.Understanding;

/// <summary>Reads utterance files: one "Intent&lt;TAB&gt;text" a line; blank lines and lines starting with # are skipped.</summary>
internal static class UtteranceCorpus
{
    /// <summary>The training utterances shipped in this assembly for "pl" or "en".</summary>
    public static IReadOnlyList<LabeledUtterance> LoadTraining(string language)
    {
        var name = $"BillingBot.Understanding.Data.utterances.{language}.tsv";
        using var stream = typeof(UtteranceCorpus).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The training utterances '{name}' are not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader, name);
    }

    public static IReadOnlyList<LabeledUtterance> Parse(TextReader reader, string source)
    {
        var utterances = new List<LabeledUtterance>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim() is "" || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var label = tab < 0 ? line : line[..tab];
            var text = tab < 0 ? "" : line[(tab + 1)..].Trim();
            if (!Enum.TryParse<Intent>(label, ignoreCase: false, out var intent) || !Enum.IsDefined(intent) || label != intent.ToString())
            {
                throw new FormatException($"{source}:{lineNumber}: '{label}' is not an intent.");
            }

            if (text.Length == 0)
            {
                throw new FormatException($"{source}:{lineNumber}: the utterance is missing after the tab.");
            }

            utterances.Add(new LabeledUtterance(intent, text));
        }

        return utterances;
    }
}
