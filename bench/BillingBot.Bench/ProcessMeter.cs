using System.Globalization;

namespace BillingBot.Bench;

/// <summary>
/// What the kernel knows about a process (Linux /proc): CPU time (user + system), resident memory and its peak,
/// open file descriptors and threads. Read from outside, so measuring costs the process nothing.
/// </summary>
public sealed class ProcessMeter(int pid)
{
    // USER_HZ: the unit of utime and stime in /proc/<pid>/stat, 100 on every Linux the kernel ABI allows.
    private const double TicksPerSecond = 100.0;

    public int Pid { get; } = pid;

    /// <summary>User + system CPU time so far.</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var utime = long.Parse(fields[11], CultureInfo.InvariantCulture);
        var stime = long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds((utime + stime) / TicksPerSecond);
    }

    /// <summary>Resident memory now, in bytes.</summary>
    public long ResidentBytes() => StatusKilobytes("VmRSS:") * 1024;

    /// <summary>The peak resident memory since start or the last <see cref="ResetPeak"/>, in bytes.</summary>
    public long PeakResidentBytes() => StatusKilobytes("VmHWM:") * 1024;

    public int Threads() => (int)StatusKilobytes("Threads:");

    public int OpenFileDescriptors() => Directory.GetFileSystemEntries($"/proc/{Pid}/fd").Length;

    /// <summary>Starts the peak over from the current resident size (writing 5 to clear_refs).</summary>
    public void ResetPeak()
    {
        try
        {
            File.WriteAllText($"/proc/{Pid}/clear_refs", "5");
        }
        catch (IOException)
        {
            // Older kernels: the peak stays since start, which only makes the figure conservative.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private long StatusKilobytes(string key)
    {
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                return long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"/proc/{Pid}/status has no {key}");
    }
}
