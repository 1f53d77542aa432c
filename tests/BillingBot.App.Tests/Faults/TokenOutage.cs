using BillingBot.App.Tests.Hosting;
using BillingBot.Protocol.Authentication;
using Microsoft.Identity.Client;

namespace BillingBot.App.Tests.Faults;

/// <summary>
/// The app's token for the Bot Connector, as Entra gives it or not: a token, a refusal (MSAL's exception), or a request
/// that never ends (until the connector's time limit cancels it). Tests wait for the Nth request with <see cref="WaitForRequestsAsync"/>.
/// </summary>
public sealed class TokenOutage : IAccessTokenProvider
{
    private readonly Lock _gate = new();
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];
    private int _requests;

    public TokenState State { get; set; } = TokenState.Issued;

    /// <summary>Completes once at least <paramref name="count"/> tokens have been asked for.</summary>
    public Task WaitForRequestsAsync(int count)
    {
        lock (_gate)
        {
            if (_requests >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, done));
            return done.Task;
        }
    }

    public async Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        var state = State;
        lock (_gate)
        {
            _requests++;
            foreach (var waiter in _waiters.Where(w => w.Count <= _requests).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }

        switch (state)
        {
            case TokenState.Refused:
                throw new MsalServiceException("temporarily_unavailable", "AADSTS50000: There was an error issuing a token.");
            case TokenState.Silent:
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return null;
            default:
                return BotHost.OutboundToken;
        }
    }
}
