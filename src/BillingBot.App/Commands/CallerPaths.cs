namespace BillingBot.App.Commands;

/// <summary>
/// Resolves the file paths given to a command against the directory the user typed them in. `dotnet run` starts a web
/// project in the project's folder (so it finds its appsettings), but keeps the shell's PWD in the environment.
/// </summary>
internal static class CallerPaths
{
    public static string Resolve(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        var callerDirectory = Environment.GetEnvironmentVariable("PWD");
        if (!string.IsNullOrEmpty(callerDirectory) && Path.IsPathRooted(callerDirectory))
        {
            var fromCaller = Path.GetFullPath(path, callerDirectory);
            if (File.Exists(fromCaller))
            {
                return fromCaller;
            }
        }

        return Path.GetFullPath(path);
    }

    /// <summary>A path to write to: relative to the directory the user typed it in, whether or not it exists yet.</summary>
    public static string ResolveOutput(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return Path.GetFullPath(path);
        }

        var callerDirectory = Environment.GetEnvironmentVariable("PWD");
        return !string.IsNullOrEmpty(callerDirectory) && Path.IsPathRooted(callerDirectory)
            ? Path.GetFullPath(path, callerDirectory)
            : Path.GetFullPath(path);
    }
}
