using BillingBot.Protocol.Cards;
using Xunit;
using Xunit.Sdk;

namespace BillingBot.TestKit.Cards;

/// <summary>
/// Both card checks at once, the schema and the renderer, as one xUnit fixture: a card Teams will show
/// has no problem in either.
/// </summary>
public sealed class AdaptiveCardChecks : IAsyncLifetime, IAsyncDisposable
{
    public AdaptiveCardSchema Schema { get; } = AdaptiveCardSchema.Load();

    public AdaptiveCardsRenderer Renderer { get; } = new();

    public Task InitializeAsync() => Renderer.InitializeAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public ValueTask DisposeAsync() => Renderer.DisposeAsync();

    /// <summary>Every problem either check finds, each prefixed "schema: " or "renderer: "; empty when both pass.</summary>
    public async Task<IReadOnlyList<string>> ProblemsAsync(string cardJson, CancellationToken cancellationToken = default)
    {
        var rendered = await Renderer.CheckAsync(cardJson, cancellationToken).ConfigureAwait(false);
        return [.. Schema.Validate(cardJson).Select(e => "schema: " + e), .. rendered.Select(p => "renderer: " + p)];
    }

    /// <inheritdoc cref="ProblemsAsync(string, CancellationToken)"/>
    public Task<IReadOnlyList<string>> ProblemsAsync(AdaptiveCard card, CancellationToken cancellationToken = default) =>
        ProblemsAsync(AdaptiveCardSerializer.Serialize(card), cancellationToken);

    /// <summary>Fails the test, listing every problem, unless both checks accept the card.</summary>
    public async Task AssertValidAsync(string cardJson, CancellationToken cancellationToken = default)
    {
        var problems = await ProblemsAsync(cardJson, cancellationToken).ConfigureAwait(false);
        if (problems.Count > 0)
        {
            throw new XunitException(
                $"The card has {problems.Count} problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}"
                + $"{Environment.NewLine}Card: {cardJson}");
        }
    }

    /// <inheritdoc cref="AssertValidAsync(string, CancellationToken)"/>
    public Task AssertValidAsync(AdaptiveCard card, CancellationToken cancellationToken = default) =>
        AssertValidAsync(AdaptiveCardSerializer.Serialize(card), cancellationToken);

    /// <summary>The problems of many cards (for example every card in pl and en), from one round trip to node.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<string>>> ProblemsOfAllAsync(
        IReadOnlyList<string> cardsJson, CancellationToken cancellationToken = default)
    {
        var rendered = await Renderer.CheckAllAsync(cardsJson, cancellationToken).ConfigureAwait(false);
        return cardsJson
            .Select((json, i) => (IReadOnlyList<string>)
                [.. Schema.Validate(json).Select(e => "schema: " + e), .. rendered[i].Select(p => "renderer: " + p)])
            .ToList();
    }
}
