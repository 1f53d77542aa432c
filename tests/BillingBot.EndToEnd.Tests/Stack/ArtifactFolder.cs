namespace BillingBot.EndToEnd.Tests.Stack;

/// <summary>
/// TestResults/e2e under the test output folder: every scenario's screenshot (&lt;scenario&gt;.png), the bot's log
/// (bot.log) and the Playground's (playground.log). Emptied when the suite starts, so what is there is this run's.
/// </summary>
public sealed class ArtifactFolder
{
    private ArtifactFolder(string path) => Path = path;

    public string Path { get; }

    public static ArtifactFolder Fresh()
    {
        var path = System.IO.Path.Combine(AppContext.BaseDirectory, "TestResults", "e2e");
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        Directory.CreateDirectory(path);
        return new ArtifactFolder(path);
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);
}
