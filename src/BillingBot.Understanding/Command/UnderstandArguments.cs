using BillingBot.Billing.Understanding;

namespace BillingBot.Understanding.Command;

/// <summary>The `understand` command's arguments: the text (null to read standard input) and the language, or what is wrong.</summary>
internal sealed record UnderstandArguments(string? Text, string? Language, bool WantsHelp, string? Error)
{
    public static UnderstandArguments Parse(IReadOnlyList<string> args)
    {
        var words = new List<string>();
        string? language = null;
        var optionsEnded = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (optionsEnded || !arg.StartsWith('-') || arg == "-")
            {
                words.Add(arg);
                continue;
            }

            switch (arg)
            {
                case "--":
                    optionsEnded = true;
                    break;
                case "-h" or "--help":
                    return new(null, null, true, null);
                case "--locale" when i + 1 < args.Count:
                    language = Languages.FromLocale(args[++i]);
                    if (language is null)
                    {
                        return Invalid($"'{args[i]}' is not a supported locale (pl or en).");
                    }

                    break;
                case "--locale":
                    return Invalid("--locale needs a value (pl or en).");
                default:
                    if (arg.StartsWith("--locale=", StringComparison.Ordinal))
                    {
                        var value = arg["--locale=".Length..];
                        language = Languages.FromLocale(value);
                        if (language is null)
                        {
                            return Invalid($"'{value}' is not a supported locale (pl or en).");
                        }

                        break;
                    }

                    return Invalid($"unknown option '{arg}'.");
            }
        }

        var text = words.Count == 0 ? null : string.Join(' ', words);
        return text is not null && string.IsNullOrWhiteSpace(text)
            ? Invalid("the text is empty; give a message, or none to read standard input.")
            : new(text, language, false, null);
    }

    private static UnderstandArguments Invalid(string error) => new(null, null, false, error);
}
