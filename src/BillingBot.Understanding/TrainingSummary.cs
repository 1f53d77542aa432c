namespace BillingBot.Understanding;

/// <summary>What training the intent models took: utterances per language and the time spent.</summary>
public sealed record TrainingSummary(int PolishUtterances, int EnglishUtterances, TimeSpan Duration);
