namespace BillingBot.Bench;

/// <summary>Ten seconds of the soak: its turns and errors, and the bot's memory, handles and threads at its end.</summary>
public sealed record SoakSample(double Seconds, long Turns, long Errors, double Throughput, double P50Ms, double P99Ms, double CpuMsPerTurn, long ResidentBytes, int FileDescriptors, int Threads);
