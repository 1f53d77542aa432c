using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace BillingBot.Bench;

/// <summary>What the report says about the machine a run was on.</summary>
public sealed record MachineInfo(DateTime Date, string Commit, int Cores, string CpuModel, double MemoryGiB, string Os, string DotNet, string Node, string LoadAverage)
{
    public static MachineInfo Read(string repoRoot)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memKb = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var load = string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        return new MachineInfo(DateTime.UtcNow, Run("git", "-C " + repoRoot + " rev-parse --short HEAD"), Environment.ProcessorCount, cpu,
            double.Parse(memKb, CultureInfo.InvariantCulture) / 1024 / 1024, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, Run("node", "--version"), load);
    }

    private static string Run(string file, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, UseShellExecute = false })!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "?";
        }
    }
}
