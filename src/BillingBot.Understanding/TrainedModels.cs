namespace BillingBot.Understanding;

/// <summary>Both languages' intent models and what training them took.</summary>
internal sealed record TrainedModels(IntentModel Polish, IntentModel English, TrainingSummary Summary)
{
    public IntentModel For(string language) => language == Billing.Understanding.Languages.Polish ? Polish : English;
}
