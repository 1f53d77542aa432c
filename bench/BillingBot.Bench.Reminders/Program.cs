using System.Text.Json;
using BillingBot.Bench.Reminders;

// The reminder sweep at scale (issue 8): see README, "Reminder sweep at scale". Everything it starts (Azurite, the fake
// Teams channel) is stopped when it ends, fails or is interrupted; Azurite also exits when this process dies.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C cancels and lets the bench stop what it started; a second one ends the process at once.
    e.Cancel = !stop.IsCancellationRequested;
    stop.Cancel();
};

var bench = new ReminderBench(options, Console.Error);
try
{
    await bench.RunAsync(stop.Token);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("Interrupted; everything the bench started has been stopped.");
    return 130;
}

BenchReport.Print(bench.Results, Console.Out);
if (options.Out is { } path)
{
    await File.WriteAllTextAsync(path, bench.Results.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    Console.WriteLine($"Figures written to {Path.GetFullPath(path)}");
}

return 0;
