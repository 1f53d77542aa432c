namespace BillingBot.App.Tests.Commands;

/// <summary>The repository's samples/ folder.</summary>
public static class Samples
{
    public static string Path(string name) => System.IO.Path.Combine(RepositoryRoot(), "samples", name);

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "BillingBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with BillingBot.sln) was not found above " + AppContext.BaseDirectory);
    }
}
