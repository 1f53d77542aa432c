namespace BillingBot.Understanding.Tests;

/// <summary>The test classes that share one trained recognizer.</summary>
[CollectionDefinition(Name)]
public sealed class TrainedRecognizerCollection : ICollectionFixture<TrainedRecognizer>
{
    public const string Name = "Trained recognizer";
}
