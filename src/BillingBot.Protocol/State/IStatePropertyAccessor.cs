using BillingBot.Protocol.Turns;

namespace BillingBot.Protocol.State;

/// <summary>A typed property of a <see cref="BotState"/>.</summary>
public interface IStatePropertyAccessor<T>
{
    string Name { get; }

    /// <summary>The value; when absent, the default factory's value is stored and returned (or default without one).</summary>
    Task<T?> GetAsync(ITurnContext turnContext, Func<T>? defaultValueFactory, CancellationToken cancellationToken);

    Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken);

    Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
