using BillingBot.Protocol.State;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Commands;

/// <summary>
/// Maps the first command-line argument to a command (`seed`, `import`, ...); anything else runs the bot. Commands are
/// created from the app's services, so they take what they need in their constructors.
/// </summary>
public sealed class CommandRouter
{
    private readonly Dictionary<string, Type> _commands = new(StringComparer.OrdinalIgnoreCase);

    public CommandRouter Add<TCommand>(string name)
        where TCommand : class, IAppCommand
    {
        _commands.Add(name, typeof(TCommand));
        return this;
    }

    public IReadOnlyCollection<string> Names => _commands.Keys;

    /// <summary>Whether the arguments name a command rather than options for the bot.</summary>
    public bool Handles(IReadOnlyList<string> args) => args.Count > 0 && _commands.ContainsKey(args[0]);

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, CommandConsole console, CancellationToken cancellationToken)
    {
        if (!Handles(args))
        {
            await console.Error.WriteLineAsync($"Unknown command. Commands: {string.Join(", ", Names)}.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var name = args[0];
        await using var scope = services.CreateAsyncScope();
        try
        {
            var command = (IAppCommand)ActivatorUtilities.CreateInstance(scope.ServiceProvider, _commands[name]);
            return await command.RunAsync([.. args.Skip(1)], console, cancellationToken).ConfigureAwait(false);
        }
        catch (OptionsValidationException ex)
        {
            await console.Error.WriteLineAsync($"{name}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        catch (StorageUnavailableException ex)
        {
            await console.Error.WriteLineAsync($"{name}: storage is unavailable ({ex.Message}); nothing more was written.").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync($"{name}: cancelled.").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
    }

    /// <summary>Runs a command on the process's console; Ctrl+C cancels it.</summary>
    public async Task<int> RunOnConsoleAsync(IServiceProvider services, IReadOnlyList<string> args)
    {
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await RunAsync(services, args, CommandConsole.Standard, cancel.Token).ConfigureAwait(false);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
