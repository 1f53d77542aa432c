namespace BillingBot.TestKit.Cards;

/// <summary>One event the adaptivecards renderer reported while parsing or validating a card.</summary>
/// <param name="Phase">Parse or Validation.</param>
/// <param name="Event">The renderer's ValidationEvent name, for example UnknownElementType or InvalidPropertyValue.</param>
/// <param name="Message">The renderer's own words.</param>
/// <param name="Element">Where it happened, for example "AdaptiveCard > Container > TextBlock#total", when the renderer says.</param>
public sealed record RendererProblem(string Phase, string Event, string Message, string? Element)
{
    public override string ToString() => $"{Element ?? "(card)"}: {Event}: {Message}";
}
