using System.Text.Json.Nodes;

namespace BillingBot.TestKit.Fuzz;

/// <summary>
/// A generated input of the activity fuzzers: which template of a corpus, the changes made to it, and the content type
/// it is posted with. Printable, so a failing input says what was done to which payload.
/// </summary>
public sealed record MangledPayload(int Template, IReadOnlyList<JsonMutation> Mutations, int ContentType)
{
    /// <summary>The content type to post with; null sends none.</summary>
    public string? ContentTypeHeader => JsonMutator.ContentTypes[ContentType % JsonMutator.ContentTypes.Count];

    /// <summary>The body: the template with the changes made.</summary>
    public byte[] Body(JsonObject template, IReadOnlySet<string>? keepWhole = null) => JsonMutator.Apply(template, Mutations, keepWhole);

    public override string ToString() => $"template {Template} with [{string.Join(", ", Mutations)}] as {ContentTypeHeader ?? "no content type"}";
}
