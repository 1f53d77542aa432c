using Microsoft.Extensions.Options;

namespace BillingBot.App.Handoff;

/// <summary>Refuses to start with hand-off timings that would escalate at once, never, or check the store in a tight loop.</summary>
public sealed class HandoffOptionsValidator : IValidateOptions<HandoffOptions>
{
    public ValidateOptionsResult Validate(string? name, HandoffOptions options)
    {
        var problems = new List<string>();
        if (options.AcceptTimeout < TimeSpan.FromMinutes(1) || options.AcceptTimeout > TimeSpan.FromHours(8))
        {
            problems.Add("Handoff:AcceptTimeout must be from 00:01:00 to 08:00:00: how long a request waits for an agent before it goes to all support agents.");
        }

        if (options.CheckInterval < TimeSpan.FromSeconds(5) || options.CheckInterval > options.AcceptTimeout)
        {
            problems.Add("Handoff:CheckInterval must be at least 00:00:05 and no longer than Handoff:AcceptTimeout.");
        }

        if (options.DefaultExpectedWait <= TimeSpan.Zero)
        {
            problems.Add("Handoff:DefaultExpectedWait must be positive.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
