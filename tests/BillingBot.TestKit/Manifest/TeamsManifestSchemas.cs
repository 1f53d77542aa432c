using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using BillingBot.TestKit.Azurite;
using Json.Schema;

namespace BillingBot.TestKit.Manifest;

/// <summary>
/// The official Teams app manifest schemas as the npm package @microsoft/app-manifest bundles them (tools/node_modules,
/// installed by tools/ensure-tools.sh like the other Node tools), used offline with JsonSchema.Net. A document is
/// checked against the schema its own "$schema" names, mapped to the bundled copy the way the package itself does
/// (https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json → teams/v1.30/...).
/// </summary>
/// <remarks>
/// The bundled schemas declare draft-04 but use "const" and "if"/"then" (draft-06/07 keywords), which the package's
/// own validator (Ajv in draft-04 mode) applies too. JsonSchema.Net has no draft-04, so they are evaluated as
/// draft-07, which gives every keyword they use the same meaning; a schema with a draft-04-only form (a boolean
/// exclusiveMinimum/exclusiveMaximum, or "id") is refused rather than read differently. Formats are checked, as the
/// package's validator checks them (ajv-formats).
/// </remarks>
public sealed class TeamsManifestSchemas
{
    public const string SchemaAddressPrefix = "https://developer.microsoft.com/json-schemas/teams/";

    private static readonly Uri Draft7 = new("http://json-schema.org/draft-07/schema#");

    private static TeamsManifestSchemas? s_shared;

    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);
    private readonly EvaluationOptions _evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private TeamsManifestSchemas(string directory) => Directory = directory;

    /// <summary>The bundled schemas' folder: one subfolder per version (v1.30/MicrosoftTeams.schema.json, ...).</summary>
    public string Directory { get; }

    /// <summary>Installs the Node tools if they are missing, then finds the bundled schemas (one instance a test run, so each schema is read once).</summary>
    public static async Task<TeamsManifestSchemas> LoadAsync(CancellationToken cancellationToken = default)
    {
        if (s_shared is { } shared)
        {
            return shared;
        }

        var paths = await NodeTools.EnsureInstalledAsync(cancellationToken).ConfigureAwait(false);
        return s_shared ??= new TeamsManifestSchemas(paths.TeamsSchemasDirectory);
    }

    /// <summary>The bundled schema file that a "$schema" address stands for.</summary>
    public string SchemaPath(string schemaAddress)
    {
        ArgumentNullException.ThrowIfNull(schemaAddress);
        if (!schemaAddress.StartsWith(SchemaAddressPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{schemaAddress}' is not a Teams schema address ({SchemaAddressPrefix}...).", nameof(schemaAddress));
        }

        var path = Path.GetFullPath(Path.Combine(Directory, schemaAddress[SchemaAddressPrefix.Length..]));
        if (!path.StartsWith(Path.GetFullPath(Directory), StringComparison.Ordinal) || !File.Exists(path))
        {
            throw new FileNotFoundException($"@microsoft/app-manifest bundles no schema for '{schemaAddress}'.", path);
        }

        return path;
    }

    /// <summary>The problems of a manifest or localization file against the schema its "$schema" names; empty when valid.</summary>
    public IReadOnlyList<string> Validate(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Validate(document.RootElement);
    }

    /// <inheritdoc cref="Validate(string)"/>
    public IReadOnlyList<string> Validate(JsonElement document)
    {
        if (document.ValueKind != JsonValueKind.Object || !document.TryGetProperty("$schema", out var address)
            || address.GetString() is not { } schemaAddress)
        {
            return ["/: has no \"$schema\", so no schema to check it against"];
        }

        var schema = _schemas.GetOrAdd(SchemaPath(schemaAddress), Load);
        var results = schema.Evaluate(document, _evaluation);
        if (results.IsValid)
        {
            return [];
        }

        return [.. (results.Details ?? [])
            .Where(detail => detail.Errors is { Count: > 0 })
            .SelectMany(detail => detail.Errors!.Select(error =>
                $"{Display(detail.InstanceLocation.ToString())}: {error.Value} ({error.Key} at {detail.EvaluationPath})"))
            .Distinct(StringComparer.Ordinal)];
    }

    private static JsonSchema Load(string path)
    {
        var text = File.ReadAllText(path);
        var root = JsonNode.Parse(text)!.AsObject();
        RefuseDraft4OnlyForms(root, path);
        root["$schema"] = Draft7.ToString();
        // A private registry: the global one would refuse a second load of the same address.
        return JsonSchema.FromText(root.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() },
            new Uri(Path.GetFullPath(path)));
    }

    private static void RefuseDraft4OnlyForms(JsonNode? node, string path, bool isPropertyMap = false)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    if (!isPropertyMap && ((key is "exclusiveMinimum" or "exclusiveMaximum" && child is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
                        || (key == "id" && child is JsonValue)))
                    {
                        throw new NotSupportedException($"{path} uses the draft-04 form of \"{key}\"; read it as draft-04, not draft-07.");
                    }

                    RefuseDraft4OnlyForms(child, path, !isPropertyMap && key is "properties" or "patternProperties" or "definitions");
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    RefuseDraft4OnlyForms(item, path);
                }

                break;
        }
    }

    private static string Display(string location) => location.Length == 0 ? "/" : location;
}
