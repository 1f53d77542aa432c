using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace BillingBot.TestKit.Azurite;

/// <summary>
/// Makes sure <c>tools/node_modules</c> is installed before a fixture runs a Node tool, so a
/// fresh clone can run <c>dotnet test</c> without a separate setup step.
/// </summary>
internal static class NodeTools
{
    // npm ci takes ~15 s here; the generous bound covers slow disks and a cold npm cache while
    // still failing a wedged install instead of hanging the test run.
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan LockTimeout = InstallTimeout + TimeSpan.FromMinutes(1);

    private static readonly SemaphoreSlim InProcessGate = new(1, 1);
    private static NodeToolPaths? s_installed;

    public static async Task<NodeToolPaths> EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        if (s_installed is { } known)
        {
            return known;
        }

        // Fixtures in one test process share a single check (cached once it succeeds) rather
        // than each polling the file lock; the file lock is what serialises processes.
        await InProcessGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (s_installed is { } raced)
            {
                return raced;
            }

            var paths = NodeToolPaths.Locate();

            // Always take the lock, even when the files look present: another process may be
            // half way through `npm ci`, which deletes and re-creates node_modules.
            using (await FileLock.AcquireAsync(LockPath(paths.RepoRoot), LockTimeout, cancellationToken).ConfigureAwait(false))
            {
                if (!paths.IsInstalled)
                {
                    await InstallAsync(paths, cancellationToken).ConfigureAwait(false);
                }
            }

            if (!paths.IsInstalled)
            {
                throw new InvalidOperationException(
                    $"The Node tools are still missing after installing them in '{paths.ToolsDirectory}'.");
            }

            s_installed = paths;
            return paths;
        }
        finally
        {
            InProcessGate.Release();
        }
    }

    // In the temp folder, not tools/: a file there would show up in `git status`, and
    // node_modules/ itself is deleted by `npm ci`. Keyed by repo path so two checkouts do not
    // wait on each other.
    private static string LockPath(string repoRoot)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(repoRoot)))[..16];
        return Path.Combine(Path.GetTempPath(), $"billingbot-node-tools-{hash}.lock");
    }

    private static async Task InstallAsync(NodeToolPaths paths, CancellationToken cancellationToken)
    {
        // On Unix reuse tools/ensure-tools.sh so the "is it installed / how to install" rule lives
        // in one place; Windows has no bash by default, so call npm (a .cmd there) directly.
        var startInfo = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("cmd.exe") { ArgumentList = { "/d", "/c", "npm", "ci", "--no-audit", "--no-fund" } }
            : new ProcessStartInfo("bash") { ArgumentList = { paths.EnsureToolsScript } };
        startInfo.WorkingDirectory = paths.ToolsDirectory;
        startInfo.UseShellExecute = false;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;

        var output = new OutputTail();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => output.Add("out", e.Data);
        process.ErrorDataReceived += (_, e) => output.Add("err", e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"Could not run '{startInfo.FileName}' to install the Node tools in '{paths.ToolsDirectory}'.", ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(InstallTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException(
                $"Installing the Node tools took longer than {InstallTimeout.TotalMinutes:0} minutes.{Environment.NewLine}{output}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"Installing the Node tools failed (exit code {process.ExitCode}); Node.js 20+ and npm must be on PATH. "
                + $"Try `tools/ensure-tools.sh` by hand.{Environment.NewLine}{output}");
        }
    }
}
