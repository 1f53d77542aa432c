using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using BillingBot.TestKit.Azurite;

namespace BillingBot.TestKit.Manifest;

/// <summary>
/// Teams' rules for an app's two icons, as problems to assert empty, and the repo's script that draws ours
/// (tools/manifest/make-icons.cjs).
/// </summary>
public static class TeamsAppIcons
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The colour icon: 192x192, in colour, on a solid or fully transparent square background (Teams rounds the
    /// corners itself).
    /// </summary>
    public static IReadOnlyList<string> ColorIconProblems(PngImage icon)
    {
        ArgumentNullException.ThrowIfNull(icon);
        var problems = new List<string>();
        if (icon.Width != 192 || icon.Height != 192)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"color.png is {icon.Width}x{icon.Height}; Teams wants 192x192."));
        }

        var colours = icon.Pixels().Where(p => p.A == 255).Select(p => (p.R, p.G, p.B)).Distinct().Take(3).ToList();
        if (colours.Count < 2 || colours.All(c => c.R == c.G && c.G == c.B))
        {
            problems.Add("color.png is not in colour.");
        }

        var corners = new[] { icon[0, 0], icon[icon.Width - 1, 0], icon[0, icon.Height - 1], icon[icon.Width - 1, icon.Height - 1] };
        if (corners.Distinct().Count() != 1 || corners[0].A is not (0 or 255))
        {
            problems.Add("color.png's background is neither one solid colour nor fully transparent (see its corners).");
        }

        return problems;
    }

    /// <summary>
    /// The outline icon: 32x32, white on a fully transparent background: every pixel is transparent or white (its
    /// alpha may soften an edge), and there is both background and drawing.
    /// </summary>
    public static IReadOnlyList<string> OutlineIconProblems(PngImage icon)
    {
        ArgumentNullException.ThrowIfNull(icon);
        var problems = new List<string>();
        if (icon.Width != 32 || icon.Height != 32)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"outline.png is {icon.Width}x{icon.Height}; Teams wants 32x32."));
        }

        if (!icon.HasAlphaChannel)
        {
            problems.Add("outline.png has no transparency (no alpha channel).");
        }

        var coloured = icon.Pixels().Where(p => p.A != 0 && (p.R, p.G, p.B) != (255, 255, 255)).ToList();
        if (coloured.Count > 0)
        {
            var (x, y, r, g, b, a) = coloured[0];
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"outline.png has {coloured.Count} pixels that are neither white nor transparent, the first at ({x},{y}): rgba({r},{g},{b},{a})."));
        }

        if (!icon.Pixels().Any(p => p.A == 0) || icon[0, 0].A != 0)
        {
            problems.Add("outline.png has no fully transparent background.");
        }

        if (!icon.Pixels().Any(p => p.A == 255))
        {
            problems.Add("outline.png draws nothing opaque.");
        }

        return problems;
    }

    /// <summary>Runs tools/manifest/make-icons.cjs (installing the Node tools first if needed) to draw both icons into a folder.</summary>
    public static async Task DrawAsync(string outputDirectory, CancellationToken cancellationToken = default)
    {
        var paths = await NodeTools.EnsureInstalledAsync(cancellationToken).ConfigureAwait(false);
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { paths.IconScript, "--out", outputDirectory },
            WorkingDirectory = paths.ToolsDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException("Could not run 'node' (Node.js 20+ must be on PATH) to draw the icons.", ex);
        }

        using (process)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ScriptTimeout);
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            var errors = await error.ConfigureAwait(false);
            var printed = await output.ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"make-icons.cjs failed (exit code {process.ExitCode}): {errors}{printed}"));
            }
        }
    }
}
