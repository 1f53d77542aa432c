using System.Text.Json.Nodes;
using BillingBot.App.Tests.Commands;

namespace BillingBot.App.Tests.Manifest;

/// <summary>A partner's values for the Teams app, as `package` arguments and as the template's placeholders.</summary>
public static class SampleTeamsApp
{
    public const string BotId = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d";
    public const string AppId = "9f8e7d6c-5b4a-4938-a716-253443526170";
    public const string Version = "1.4.0";
    public const string Name = "Contoso Billing";
    public const string FullName = "Contoso Billing Assistant";
    public const string FullNamePolish = "Asystent rozliczeń Contoso";
    public const string Developer = "Contoso Cloud sp. z o.o.";
    public const string Website = "https://contoso.example/support";
    public const string Privacy = "https://contoso.example/privacy";
    public const string Terms = "https://contoso.example/terms";
    public const string MpnId = "6543210";
    public const string Domain = "billing.contoso.example";

    /// <summary>Every option of `package` (but --out) with a good value.</summary>
    public static IReadOnlyList<string> Arguments { get; } =
    [
        "--bot-id", BotId, "--app-id", AppId, "--version", Version, "--name", Name, "--full-name", FullName,
        "--full-name-pl", FullNamePolish, "--developer", Developer, "--website", Website, "--privacy", Privacy,
        "--terms", Terms, "--mpn-id", MpnId, "--valid-domain", Domain,
    ];

    /// <summary>Only the options `package` requires.</summary>
    public static IReadOnlyList<string> RequiredArguments { get; } =
    [
        "--bot-id", BotId, "--name", Name, "--developer", Developer, "--website", Website, "--privacy", Privacy, "--terms", Terms,
    ];

    /// <summary>The template's placeholders with the same values.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Placeholders { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        ["TEAMS_APP_ID"] = [AppId],
        ["BOT_ID"] = [BotId],
        ["APP_VERSION"] = [Version],
        ["APP_NAME_SHORT"] = [Name],
        ["APP_NAME_FULL"] = [FullName],
        ["APP_NAME_FULL_PL"] = [FullNamePolish],
        ["DEVELOPER_NAME"] = [Developer],
        ["DEVELOPER_WEBSITE_URL"] = [Website],
        ["DEVELOPER_PRIVACY_URL"] = [Privacy],
        ["DEVELOPER_TERMS_URL"] = [Terms],
        ["DEVELOPER_MPN_ID"] = [MpnId],
        ["VALID_DOMAINS"] = [Domain],
    };

    /// <summary>The repository's manifest/ folder.</summary>
    public static string Folder => Path.Combine(Samples.RepositoryRoot(), "manifest");

    /// <summary>A file of manifest/ as it is in the repository.</summary>
    public static JsonObject Template(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, name)))!.AsObject();
}
