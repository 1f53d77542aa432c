namespace BillingBot.App.Tests.Commands;

/// <summary>CSV files written for one test class, deleted with it.</summary>
public sealed class ScratchFiles : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("billingbot-import-");

    public string Write(string name, string content)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return path;
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
