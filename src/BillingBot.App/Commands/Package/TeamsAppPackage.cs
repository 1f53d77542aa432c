using System.IO.Compression;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BillingBot.App.Commands.Package;

/// <summary>
/// The Teams app package: manifest/manifest.json and pl.json with the partner's values filled in, and the two icons,
/// all at the root of a zip. The files are built into the app (embedded resources), so `package` works from a
/// published app as well as from the repo.
/// </summary>
public static class TeamsAppPackage
{
    /// <summary>The files of the package, in the order they are written.</summary>
    public static readonly IReadOnlyList<string> EntryNames = ["manifest.json", "pl.json", "color.png", "outline.png"];

    /// <summary>The files that are templates (JSON with placeholders); the others are copied as they are.</summary>
    private static readonly HashSet<string> Templates = new(StringComparer.Ordinal) { "manifest.json", "pl.json" };

    // A fixed time for every entry, so the same values always give the same bytes (the zip format starts in 1980).
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        // Keeps Polish letters readable in pl.json; the files are data for Teams, never HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The template's file as it is in manifest/ (placeholders and all).</summary>
    public static byte[] Template(string name)
    {
        using var stream = typeof(TeamsAppPackage).Assembly.GetManifestResourceStream(ResourceName(name))
            ?? throw new InvalidOperationException($"The Teams app file '{name}' is not built into {typeof(TeamsAppPackage).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The package's files with the values filled in, by entry name.</summary>
    internal static IReadOnlyList<(string Name, byte[] Content)> Build(IReadOnlyDictionary<string, IReadOnlyList<string>> values) =>
        [.. EntryNames.Select(name => (name, Templates.Contains(name) ? Fill(Template(name), values) : Template(name)))];

    /// <summary>Writes the zip through a temporary file beside it, so a failure never leaves half a package.</summary>
    internal static async Task WriteAsync(string path, IReadOnlyList<(string Name, byte[] Content)> entries, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
                await using (zip.ConfigureAwait(false))
                {
                    foreach (var (name, content) in entries)
                    {
                        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                        entry.LastWriteTime = EntryTime;
                        var target = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
                        await using (target.ConfigureAwait(false))
                        {
                            await target.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                        }
                    }
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static byte[] Fill(byte[] template, IReadOnlyDictionary<string, IReadOnlyList<string>> values)
    {
        var node = JsonNode.Parse(template) ?? throw new InvalidOperationException("A Teams app template is empty.");
        var filled = ManifestTemplate.Fill(node, values);
        return Utf8.GetBytes(filled.ToJsonString(Json) + "\n");
    }

    private static string ResourceName(string name) => "TeamsApp/" + name;
}
