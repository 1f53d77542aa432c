namespace BillingBot.App.Commands;

/// <summary>Where a command writes: its result on <see cref="Out"/>, progress and errors on <see cref="Error"/>.</summary>
public sealed record CommandConsole(TextWriter Out, TextWriter Error)
{
    public static CommandConsole Standard => new(Console.Out, Console.Error);
}
