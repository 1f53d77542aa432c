namespace BillingBot.Bench;

/// <summary>Where the repository and the built programs the benchmark starts are.</summary>
public sealed class RepoPaths
{
    private RepoPaths(string root) => Root = root;

    public string Root { get; }

    public string BotHost => Path.Combine(Root, "bench", "BillingBot.Bench.Host", "bin", "Release", "net10.0", "BillingBot.Bench.Host.dll");

    public string Floor => Path.Combine(Root, "bench", "BillingBot.Bench.Floor", "bin", "Release", "net10.0", "BillingBot.Bench.Floor.dll");

    public string PeerScript => Path.Combine(Root, "bench", "peer", "bot.js");

    public static RepoPaths Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BillingBot.sln")))
            {
                return new RepoPaths(dir.FullName);
            }
        }

        throw new InvalidOperationException("BillingBot.sln not found above " + AppContext.BaseDirectory);
    }
}
