using System.Globalization;

namespace BillingBot.App.Commands.Package;

/// <summary>
/// `package --bot-id … --name … --developer … --website … --privacy … --terms … [--out app.zip]`: builds the Teams
/// app package from manifest/ with the partner's values. It needs no storage and no network.
/// </summary>
public sealed class PackageCommand : IAppCommand
{
    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CommandConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (PackageArguments.Parse(arguments, out var problems) is not { } parsed)
        {
            foreach (var problem in problems)
            {
                await console.Error.WriteLineAsync($"package: {problem}").ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync(PackageArguments.Usage).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var path = parsed.OutputPath;
        var entries = TeamsAppPackage.Build(Values(parsed));
        try
        {
            await TeamsAppPackage.WriteAsync(path, entries, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"package: could not write '{path}': {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        await console.Out.WriteLineAsync($"Teams app package written: {path}").ConfigureAwait(false);
        await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  {parsed.Name} {parsed.Version}: Teams app id {Id(parsed.AppId)}, bot {Id(parsed.BotId)}, files {string.Join(", ", entries.Select(e => e.Name))}.")).ConfigureAwait(false);
        await console.Out.WriteLineAsync("  Upload it in Teams (Apps > Manage your apps > Upload an app) or in the Teams admin center.").ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary>The template's placeholders and their values (an optional value left out is an empty list).</summary>
    private static Dictionary<string, IReadOnlyList<string>> Values(PackageArguments a) => new(StringComparer.Ordinal)
    {
        ["TEAMS_APP_ID"] = [Id(a.AppId)],
        ["BOT_ID"] = [Id(a.BotId)],
        ["APP_VERSION"] = [a.Version],
        ["APP_NAME_SHORT"] = [a.Name],
        ["APP_NAME_FULL"] = [a.FullName],
        ["APP_NAME_FULL_PL"] = [a.FullNamePolish],
        ["DEVELOPER_NAME"] = [a.Developer],
        ["DEVELOPER_WEBSITE_URL"] = [a.Website],
        ["DEVELOPER_PRIVACY_URL"] = [a.Privacy],
        ["DEVELOPER_TERMS_URL"] = [a.Terms],
        ["DEVELOPER_MPN_ID"] = a.MpnId is { } mpnId ? [mpnId] : [],
        ["VALID_DOMAINS"] = a.ValidDomains,
    };

    private static string Id(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);
}
