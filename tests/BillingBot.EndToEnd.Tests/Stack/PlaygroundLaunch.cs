using System.Diagnostics;
using System.Globalization;
using BillingBot.TestKit.Azurite;

namespace BillingBot.EndToEnd.Tests.Stack;

/// <summary>
/// The Microsoft 365 Agents Playground from tools/node_modules, the way tools/run.sh starts it: bound to 127.0.0.1 by
/// tools/bind-loopback.cjs, talking to the bot's endpoint as a Teams client (`-c msteams`), no browser of its own.
/// </summary>
internal static class PlaygroundLaunch
{
    // Loaded into node first: exit when stdin reaches its end. We hold the write end of that pipe, so if the test host
    // dies without disposing us the OS closes it and the Playground goes too (as the Azurite fixture does).
    private const string ExitWithParent = "data:text/javascript,process.stdin.on('end',()=>process.exit(0)).resume()";

    public static ProcessStartInfo StartInfo(NodeToolPaths tools, int port, Uri botEndpoint, string workDirectory)
    {
        var url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("node")
        {
            UseShellExecute = false,

            // It writes a devTools/ folder into its working directory: keep that with the suite's artifacts.
            WorkingDirectory = workDirectory,
        };
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        start.Environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(workDirectory, "playground-events.log");
        start.Environment["M365_AGENTS_PLAYGROUND_RECORDING_FILE"] = Path.Combine(workDirectory, "playground-recording.log");
        foreach (var argument in new[]
        {
            "--import", ExitWithParent,
            "-r", Path.Combine(tools.ToolsDirectory, "bind-loopback.cjs"),
            tools.PlaygroundScript,
            "-e", botEndpoint.ToString(),
            "-c", "msteams",
            "-p", port.ToString(CultureInfo.InvariantCulture),

            // Its default service URL says "localhost", which may resolve to ::1 while it listens on 127.0.0.1 only.
            "--service-url", url + "/_connector",
            "--disable-telemetry",
        })
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
