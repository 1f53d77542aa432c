using System.Text.Json;
using Json.Schema;

namespace BillingBot.TestKit.Cards;

/// <summary>
/// Validates card JSON against the Teams variant of the official Adaptive Card 1.5 schema and names each
/// problem by its place in the card and the element it belongs to.
/// </summary>
/// <remarks>
/// The schema lists every element (and every action) as one branch of an anyOf, so a raw failure reports
/// all sixteen element definitions. Only the branch whose "type" the JSON names is kept; an anyOf of plain
/// alternatives (an enum, its case-insensitive pattern, or null) is reduced to the alternatives of the
/// right JSON kind, and a pattern that merely repeats an enum is dropped in favour of the enum's values.
/// </remarks>
public sealed class AdaptiveCardSchema
{
    /// <summary>The schema file copied next to the test binaries.</summary>
    public static readonly string DefaultPath =
        Path.Combine(AppContext.BaseDirectory, "Cards", "Schemas", "adaptive-card-1.5-teams.json");

    // Any absolute URI will do; the file's draft-06 "id" is the public schema's address, not this copy's.
    private static readonly Uri BaseUri = new("urn:billingbot:adaptive-card-1.5-teams");

    private readonly EvaluationOptions _evaluation = new() { OutputFormat = OutputFormat.Hierarchical };
    private readonly JsonSchema _schema;
    private readonly JsonElement _document;

    private AdaptiveCardSchema(string text)
    {
        // A private registry: the global one would refuse a second load of the same URI.
        _schema = JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() }, BaseUri);
        using var document = JsonDocument.Parse(text);
        _document = document.RootElement.Clone();
    }

    /// <summary>Loads the Teams card schema from <paramref name="path"/> (default: <see cref="DefaultPath"/>).</summary>
    public static AdaptiveCardSchema Load(string? path = null) => new(File.ReadAllText(path ?? DefaultPath));

    /// <summary>The problems of the card, one line each ("/body/0/size (TextBlock): …"); empty when it is valid.</summary>
    public IReadOnlyList<string> Validate(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            return [$"/: not JSON: {ex.Message}"];
        }

        using (document)
        {
            return Validate(document.RootElement);
        }
    }

    /// <inheritdoc cref="Validate(string)"/>
    public IReadOnlyList<string> Validate(JsonElement card)
    {
        var results = _schema.Evaluate(card, _evaluation);
        if (results.IsValid)
        {
            return [];
        }

        return Collect(results, card)
            .Select(failure => $"{Display(failure.Location)} ({ElementType(card, failure.Location)}): {failure.Message}")
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private List<Failure> Collect(EvaluationResults node, JsonElement card)
    {
        var failures = new List<Failure>();
        if (node.IsValid)
        {
            return failures;
        }

        var location = node.InstanceLocation.ToString();
        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            if (keyword != "anyOf")
            {
                failures.Add(new Failure(location, keyword, Describe(node, keyword, message, card)));
            }
        }

        var details = node.Details ?? [];
        var branchPrefix = node.EvaluationPath + "/anyOf/";
        var branches = details.Where(child => IsBranch(child, branchPrefix)).ToList();
        foreach (var child in details.Where(child => !IsBranch(child, branchPrefix)))
        {
            failures.AddRange(Collect(child, card));
        }

        if (branches.Count > 0)
        {
            failures.AddRange(CollectAnyOf(location, branches, card));
        }

        return failures;
    }

    private IEnumerable<Failure> CollectAnyOf(string location, List<EvaluationResults> branches, JsonElement card)
    {
        var typed = branches.Select(branch => (Branch: branch, Type: BranchType(branch))).ToList();
        if (typed.Any(t => t.Type is not null))
        {
            var instanceType = Resolve(card, location) is { ValueKind: JsonValueKind.Object } instance
                && instance.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
                    ? type.GetString()
                    : null;
            var matching = typed.Where(t => t.Type == instanceType).ToList();
            if (matching.Count > 0)
            {
                return matching.SelectMany(t => Collect(t.Branch, card));
            }

            var allowed = string.Join(", ", typed.Select(t => t.Type).OfType<string>().Distinct());
            var problem = instanceType is null
                ? $"has no \"type\"; expected one of: {allowed}"
                : $"\"{instanceType}\" is not allowed here; expected one of: {allowed}";
            return [new Failure(location, "type", problem)];
        }

        // Plain alternatives: drop those that want another JSON kind (the "null" next to every optional enum).
        var perBranch = branches.Select(branch => Collect(branch, card)).ToList();
        var ofRightKind = perBranch.Where(f => !f.Any(x => x.Keyword == "type" && x.Location == location)).ToList();
        var union = (ofRightKind.Count > 0 ? ofRightKind : perBranch).SelectMany(f => f).ToList();
        var enumLocations = union.Where(f => f.Keyword == "enum").Select(f => f.Location).ToHashSet(StringComparer.Ordinal);
        return union.Where(f => !(f.Keyword == "pattern" && enumLocations.Contains(f.Location)));
    }

    private static bool IsBranch(EvaluationResults child, string branchPrefix)
    {
        var path = child.EvaluationPath.ToString();
        return path.StartsWith(branchPrefix, StringComparison.Ordinal)
            && path.Length > branchPrefix.Length
            && path.AsSpan(branchPrefix.Length).IndexOfAnyExceptInRange('0', '9') < 0;
    }

    /// <summary>The element or action type a branch stands for: the "type" enum of the definition it refers to.</summary>
    private string? BranchType(EvaluationResults branch)
    {
        if (SchemaNode(branch.SchemaLocation) is not { ValueKind: JsonValueKind.Object } schema)
        {
            return null;
        }

        var target = schema;
        if (schema.TryGetProperty("allOf", out var allOf) && allOf.ValueKind == JsonValueKind.Array && allOf.GetArrayLength() > 0)
        {
            target = allOf[0];
        }

        if (target.TryGetProperty("$ref", out var reference) && reference.GetString() is { } pointer
            && Resolve(_document, pointer.TrimStart('#')) is { } definition)
        {
            target = definition;
        }

        return target.ValueKind == JsonValueKind.Object
            && target.TryGetProperty("properties", out var properties)
            && properties.TryGetProperty("type", out var type)
            && type.TryGetProperty("enum", out var values)
            && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() == 1
                ? values[0].GetString()
                : null;
    }

    private string Describe(EvaluationResults node, string keyword, string message, JsonElement card)
    {
        var location = node.InstanceLocation.ToString();
        if (node.EvaluationPath.ToString().EndsWith("/additionalProperties", StringComparison.Ordinal))
        {
            return $"\"{LastSegment(location)}\" is not a property of {ElementType(card, ParentOf(location))}";
        }

        if (keyword == "enum" && SchemaNode(node.SchemaLocation) is { ValueKind: JsonValueKind.Object } schema
            && schema.TryGetProperty("enum", out var values))
        {
            var found = Resolve(card, location) is { } value ? value.GetRawText() : "nothing";
            return $"{found} is not one of: {string.Join(", ", values.EnumerateArray().Select(v => v.ToString()))}";
        }

        return message;
    }

    private JsonElement? SchemaNode(Uri schemaLocation) =>
        Resolve(_document, Uri.UnescapeDataString(schemaLocation.Fragment).TrimStart('#'));

    /// <summary>The "type" of the nearest object at or above the location: the element a problem belongs to.</summary>
    private static string ElementType(JsonElement card, string location)
    {
        for (var current = location; ; current = ParentOf(current))
        {
            if (Resolve(card, current) is { ValueKind: JsonValueKind.Object } node
                && node.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String)
            {
                return type.GetString()!;
            }

            if (current.Length == 0)
            {
                return "card";
            }
        }
    }

    /// <summary>Follows a JSON pointer ("/body/0/size"); null when it leads nowhere.</summary>
    private static JsonElement? Resolve(JsonElement root, string pointer)
    {
        var current = root;
        if (pointer.Length == 0)
        {
            return current;
        }

        foreach (var raw in pointer[1..].Split('/'))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var property))
            {
                current = property;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var index)
                && index >= 0 && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    private static string ParentOf(string location)
    {
        var slash = location.LastIndexOf('/');
        return slash <= 0 ? string.Empty : location[..slash];
    }

    private static string LastSegment(string location) => location[(location.LastIndexOf('/') + 1)..];

    private static string Display(string location) => location.Length == 0 ? "/" : location;

    private sealed record Failure(string Location, string Keyword, string Message);
}
