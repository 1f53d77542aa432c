namespace BillingBot.Understanding;

/// <summary>The model's probability per intent, in the order of the score column's slot names.</summary>
internal sealed class IntentPrediction
{
    public float[] Score { get; set; } = [];
}
