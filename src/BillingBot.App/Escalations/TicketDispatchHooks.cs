namespace BillingBot.App.Escalations;

/// <summary>Where the ticket dispatcher's rounds can be observed (the tests wait for one); the app's hooks do nothing.</summary>
public class TicketDispatchHooks
{
    /// <summary>A round of the dispatcher ended; <paramref name="posted"/> tickets went to the agents' channel.</summary>
    public virtual Task RoundCompletedAsync(int posted, CancellationToken cancellationToken) => Task.CompletedTask;
}
