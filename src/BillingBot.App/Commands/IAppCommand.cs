namespace BillingBot.App.Commands;

/// <summary>A command of the app's command line (seed, import, ...): runs once instead of the bot and returns an exit code.</summary>
public interface IAppCommand
{
    /// <summary>Runs with the arguments after the command's name; 0 is success, 1 an error in the work, 2 a usage error.</summary>
    Task<int> RunAsync(IReadOnlyList<string> arguments, CommandConsole console, CancellationToken cancellationToken);
}
