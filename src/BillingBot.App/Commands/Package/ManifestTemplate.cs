using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BillingBot.App.Commands.Package;

/// <summary>
/// Fills the `${{NAME}}` placeholders of manifest/manifest.json and its localization files (the Microsoft 365 Agents
/// Toolkit's syntax, so the same files work there with an env file). A value is a list: inside a string each
/// placeholder takes its single value; a string that is nothing but a placeholder is replaced by its values, so as an
/// array item it becomes zero or more items and as a property with no value it is left out (an optional field).
/// </summary>
internal static partial class ManifestTemplate
{
    /// <summary>The placeholders used anywhere in a template, in order of first use.</summary>
    public static IReadOnlyList<string> Placeholders(JsonNode template) =>
        [.. Strings(template).SelectMany(text => Placeholder().Matches(text).Select(m => m.Groups["name"].Value)).Distinct(StringComparer.Ordinal)];

    /// <summary>A filled copy of the template; an unknown placeholder is an error in the template, not in the input.</summary>
    public static JsonNode Fill(JsonNode template, IReadOnlyDictionary<string, IReadOnlyList<string>> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var unknown = Placeholders(template).Where(name => !values.ContainsKey(name)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"The manifest template uses placeholders with no value: {string.Join(", ", unknown)}.");
        }

        return FillNode(template.DeepClone(), values);
    }

    private static JsonNode FillNode(JsonNode node, IReadOnlyDictionary<string, IReadOnlyList<string>> values)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (Whole(child) is { } name)
                    {
                        switch (values[name].Count)
                        {
                            case 0:
                                obj.Remove(key);
                                break;
                            case 1:
                                obj[key] = values[name][0];
                                break;
                            default:
                                throw new InvalidOperationException($"The placeholder {name} has several values but stands for one at '{key}'.");
                        }
                    }
                    else if (child is not null)
                    {
                        obj[key] = FillNode(child.DeepClone(), values);
                    }
                }

                return obj;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array)
                {
                    if (Whole(item) is { } name)
                    {
                        foreach (var value in values[name])
                        {
                            items.Add(value);
                        }
                    }
                    else
                    {
                        items.Add(item is null ? null : FillNode(item.DeepClone(), values));
                    }
                }

                return items;
            case JsonValue value when value.TryGetValue<string>(out var text) && Placeholder().IsMatch(text):
                return Placeholder().Replace(text, m => Single(values, m.Groups["name"].Value));
            default:
                return node;
        }
    }

    private static string Single(IReadOnlyDictionary<string, IReadOnlyList<string>> values, string name) =>
        values[name] is [var one]
            ? one
            : throw new InvalidOperationException($"The placeholder {name} is part of a text, so it needs exactly one value.");

    /// <summary>The placeholder's name when the node is a string made of one placeholder alone.</summary>
    private static string? Whole(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && WholePlaceholder().Match(text) is { Success: true } match
            ? match.Groups["name"].Value
            : null;

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Strings(p.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    [GeneratedRegex(@"\$\{\{(?<name>[A-Z0-9_]+)\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^\$\{\{(?<name>[A-Z0-9_]+)\}\}$")]
    private static partial Regex WholePlaceholder();
}
