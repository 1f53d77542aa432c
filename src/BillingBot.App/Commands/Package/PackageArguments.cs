using System.Globalization;
using System.Text.RegularExpressions;

namespace BillingBot.App.Commands.Package;

/// <summary>
/// The arguments of `package`: what the Teams app manifest takes from the partner (ids, names, developer details,
/// valid domains) and where the zip goes. Every problem is reported, not only the first.
/// </summary>
internal sealed partial record PackageArguments(
    Guid BotId,
    Guid AppId,
    string Version,
    string Name,
    string FullName,
    string FullNamePolish,
    string Developer,
    string Website,
    string Privacy,
    string Terms,
    string? MpnId,
    IReadOnlyList<string> ValidDomains,
    string OutputPath)
{
    // The limits of the Teams manifest schema (v1.30) and of the localization file.
    public const int ShortNameMax = 30;
    public const int FullNameMax = 100;
    public const int DeveloperNameMax = 32;
    public const int MpnIdMax = 10;
    public const int UrlMax = 2048;
    public const int ValidDomainsMax = 100;

    public const string Usage = """
        Usage: package --bot-id <guid> --name <short name> --developer <name>
                       --website <https url> --privacy <https url> --terms <https url>
                       [--app-id <guid>] [--version 1.0.0] [--full-name <name>] [--full-name-pl <name>]
                       [--mpn-id <digits>] [--valid-domain <host>]... [--out <file.zip or folder>]
          Builds the Teams app package (manifest.json, pl.json, color.png, outline.png) from manifest/.
          --bot-id        the Azure Bot's Microsoft App ID (the app's MicrosoftAppId)
          --app-id        the Teams app's own id (default: the bot id); keep it for every later version
          --version       the app's version, x.y.z (default 1.0.0); raise it to update an installed app
          --name          the short name shown in Teams, at most 30 characters
          --full-name     the full name, at most 100 characters (default: the short name)
          --full-name-pl  the full name shown in Polish (default: the full name)
          --developer     who publishes the app, at most 32 characters
          --website, --privacy, --terms   https pages: support, privacy statement, terms of use
          --mpn-id        the Microsoft Partner Network (Partner ID) number, optional
          --valid-domain  a host the app loads content from (repeatable; the bot itself needs none)
          --out           the zip to write (default: billingbot-teams-app-<version>.zip here)
          Exit codes: 0 written, 1 could not write, 2 usage.
        """;

    /// <summary>The parsed arguments, or null with every problem found.</summary>
    public static PackageArguments? Parse(IReadOnlyList<string> args, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var domains = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var (option, inline) = CommandLineOption.Split(args[i]);
            if (!Options.Contains(option))
            {
                found.Add($"Unknown argument '{args[i]}'.");
                continue;
            }

            var value = CommandLineOption.Value(inline, args, ref i);
            if (value is null)
            {
                found.Add($"{option} needs a value.");
            }
            else if (option == "--valid-domain")
            {
                domains.Add(value);
            }
            else if (!values.TryAdd(option, value))
            {
                found.Add($"{option} is given more than once.");
            }
        }

        var botId = Id(values, "--bot-id", required: true, found);
        var appId = Id(values, "--app-id", required: false, found) ?? botId;
        var version = values.GetValueOrDefault("--version") ?? "1.0.0";
        if (!SemanticVersion().IsMatch(version))
        {
            found.Add($"--version must be three numbers like 1.0.0 (no leading zeros, no suffix), not '{version}'.");
        }

        var name = Text(values, "--name", ShortNameMax, required: true, found);
        var fullName = Text(values, "--full-name", FullNameMax, required: false, found) ?? name;
        var fullNamePolish = Text(values, "--full-name-pl", FullNameMax, required: false, found) ?? fullName;
        var developer = Text(values, "--developer", DeveloperNameMax, required: true, found);
        var website = Url(values, "--website", found);
        var privacy = Url(values, "--privacy", found);
        var terms = Url(values, "--terms", found);
        var mpnId = values.GetValueOrDefault("--mpn-id");
        if (mpnId is not null && !MpnIdPattern().IsMatch(mpnId))
        {
            found.Add($"--mpn-id must be the Microsoft Partner Network ID: 1 to {MpnIdMax} digits, not '{mpnId}'.");
        }

        var validDomains = Domains(domains, found);
        var output = Output(values.GetValueOrDefault("--out"), version, found);
        problems = found;
        if (found.Count > 0)
        {
            return null;
        }

        return new PackageArguments(
            botId!.Value, appId!.Value, version, name!, fullName!, fullNamePolish!, developer!, website!, privacy!, terms!,
            mpnId, validDomains, output!);
    }

    private static readonly HashSet<string> Options = new(StringComparer.Ordinal)
    {
        "--bot-id", "--app-id", "--version", "--name", "--full-name", "--full-name-pl", "--developer",
        "--website", "--privacy", "--terms", "--mpn-id", "--valid-domain", "--out",
    };

    /// <summary>The zip's full path: --out as a .zip file, or a folder (existing, or written with a trailing slash) for the default name.</summary>
    private static string? Output(string? output, string version, List<string> found)
    {
        var defaultName = $"billingbot-teams-app-{version}.zip";
        if (output is null)
        {
            return CallerPaths.ResolveOutput(defaultName);
        }

        if (output.Trim().Length == 0)
        {
            found.Add("--out must name a .zip file or a folder.");
            return null;
        }

        var path = CallerPaths.ResolveOutput(output);
        if (Directory.Exists(path) || output.EndsWith('/') || output.EndsWith(Path.DirectorySeparatorChar))
        {
            return Path.Combine(path, defaultName);
        }

        if (!string.Equals(Path.GetExtension(path), ".zip", StringComparison.OrdinalIgnoreCase))
        {
            found.Add($"--out must name a .zip file (Teams uploads a zip) or a folder, not '{output}'.");
            return null;
        }

        return path;
    }

    private static Guid? Id(Dictionary<string, string> values, string option, bool required, List<string> found)
    {
        if (!values.TryGetValue(option, out var value))
        {
            if (required)
            {
                found.Add($"{option} is required: the Azure Bot's Microsoft App ID (MicrosoftAppId), a GUID.");
            }

            return null;
        }

        if (Guid.TryParseExact(value.Trim(), "D", out var id) && id != Guid.Empty)
        {
            return id;
        }

        found.Add($"{option} must be a GUID like 1b2c3d4e-0000-4a5b-8c9d-112233445566, not '{value}'.");
        return null;
    }

    private static string? Text(Dictionary<string, string> values, string option, int max, bool required, List<string> found)
    {
        if (!values.TryGetValue(option, out var value))
        {
            if (required)
            {
                found.Add($"{option} is required.");
            }

            return null;
        }

        var text = value.Trim();
        if (text.Length == 0 || text.Any(char.IsControl))
        {
            found.Add($"{option} must be a name: not empty, no line breaks or control characters.");
            return null;
        }

        if (text.Length > max)
        {
            found.Add(string.Create(CultureInfo.InvariantCulture,
                $"{option} must be at most {max} characters (Teams' limit); '{text}' has {text.Length}."));
            return null;
        }

        return text;
    }

    private static string? Url(Dictionary<string, string> values, string option, List<string> found)
    {
        if (!values.TryGetValue(option, out var value))
        {
            found.Add($"{option} is required: an https:// page.");
            return null;
        }

        if (value.Length > UrlMax || value.Any(char.IsWhiteSpace)
            || !Uri.TryCreate(value, UriKind.Absolute, out var url)
            || url.Scheme != Uri.UriSchemeHttps || url.Host.Length == 0 || url.UserInfo.Length > 0)
        {
            found.Add(string.Create(CultureInfo.InvariantCulture,
                $"{option} must be an absolute https:// URL of at most {UrlMax} characters, not '{value}'."));
            return null;
        }

        return value;
    }

    private static List<string> Domains(List<string> domains, List<string> found)
    {
        var valid = new List<string>();
        foreach (var domain in domains)
        {
            var host = domain.Trim().ToLowerInvariant();
            if (!DomainPattern().IsMatch(host) || host.Length > 253)
            {
                found.Add($"--valid-domain must be a host name such as billing.contoso.com or *.contoso.com, without https:// or a path, not '{domain}'.");
            }
            else if (!valid.Contains(host, StringComparer.Ordinal))
            {
                valid.Add(host);
            }
        }

        if (valid.Count > ValidDomainsMax)
        {
            found.Add(string.Create(CultureInfo.InvariantCulture, $"At most {ValidDomainsMax} --valid-domain values are allowed."));
        }

        return valid;
    }

    // The Teams schema's "semver": three numbers; a number other than 0 does not start with 0.
    [GeneratedRegex(@"^(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})$")]
    private static partial Regex SemanticVersion();

    [GeneratedRegex(@"^[0-9]{1,10}$")]
    private static partial Regex MpnIdPattern();

    // Labels of letters, digits and inner hyphens, at least two of them; a wildcard only as the first label.
    [GeneratedRegex(@"^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex DomainPattern();
}
