namespace BillingBot.Infra.Tests;

/// <summary>A path in the temporary folder, deleted with its owner.</summary>
public sealed class TemporaryFile : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "billingbot-" + Guid.NewGuid().ToString("N") + ".json");

    public void Dispose() => File.Delete(Path);
}
