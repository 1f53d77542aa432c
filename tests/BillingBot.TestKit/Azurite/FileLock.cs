namespace BillingBot.TestKit.Azurite;

/// <summary>
/// A cross-process mutex backed by an exclusively opened file. <c>dotnet test</c> runs test
/// projects in parallel processes, and two concurrent <c>npm ci</c> runs in one folder corrupt
/// each other (each starts by deleting node_modules).
/// </summary>
internal static class FileLock
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Opens <paramref name="path"/> with <see cref="FileShare.None"/> (an OS-level lock that is
    /// released when the handle closes, even if the process dies). Dispose the result to unlock.
    /// </summary>
    public static async Task<FileStream> AcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                // The file is left behind on purpose: deleting a lock file races with another
                // process that has just opened the old one.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(RetryDelay, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw new TimeoutException(
                    $"Timed out after {timeout.TotalSeconds:0}s waiting for the lock '{path}' "
                    + "(another test process is probably installing the Node tools; if none is, delete the file).",
                    ex);
            }
        }
    }
}
