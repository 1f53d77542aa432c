using BillingBot.Protocol.Turns;

namespace BillingBot.Protocol.State;

/// <summary>The accessor <see cref="BotState.CreateProperty{T}"/> hands out.</summary>
internal sealed class StatePropertyAccessor<T>(BotState state, string name) : IStatePropertyAccessor<T>
{
    public string Name { get; } = name;

    public async Task<T?> GetAsync(ITurnContext turnContext, Func<T>? defaultValueFactory, CancellationToken cancellationToken)
    {
        var cached = await state.GetCachedAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (cached.TryGet<T>(Name, out var value))
        {
            return value;
        }

        if (defaultValueFactory is null)
        {
            return default;
        }

        var created = defaultValueFactory();
        cached.Set(Name, created);
        return created;
    }

    public async Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken) =>
        (await state.GetCachedAsync(turnContext, cancellationToken).ConfigureAwait(false)).Set(Name, value);

    public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        (await state.GetCachedAsync(turnContext, cancellationToken).ConfigureAwait(false)).Remove(Name);
}
