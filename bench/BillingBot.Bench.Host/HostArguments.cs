using System.Globalization;

namespace BillingBot.Bench.Host;

/// <summary>What a benchmark run varies about the bot.</summary>
public sealed record HostArguments(int Port, bool MemoryState, bool StaticToken, bool Seed, int Tenants)
{
    public static HostArguments Parse(IReadOnlyList<string> args)
    {
        var port = 0;
        var memory = false;
        var staticToken = false;
        var seed = false;
        var tenants = 0;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--port":
                    port = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--state":
                    memory = args[++i] switch
                    {
                        "memory" => true,
                        "tables" => false,
                        var other => throw new ArgumentException($"--state is memory or tables, not '{other}'."),
                    };
                    break;
                case "--static-token":
                    staticToken = true;
                    break;
                case "--seed":
                    seed = true;
                    break;
                case "--tenants":
                    tenants = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }

        return new HostArguments(port, memory, staticToken, seed, tenants);
    }
}
