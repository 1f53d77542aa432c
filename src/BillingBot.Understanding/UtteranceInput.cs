namespace BillingBot.Understanding;

/// <summary>A row the intent model reads: the normalised text and, when training, its intent.</summary>
internal sealed class UtteranceInput
{
    public string Label { get; set; } = "";

    public string Text { get; set; } = "";
}
