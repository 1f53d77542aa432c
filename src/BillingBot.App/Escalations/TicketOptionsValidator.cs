using BillingBot.Billing.Escalations;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Escalations;

/// <summary>Refuses to start with an entitlement the partner cannot have, which would send agents down a route that does not exist.</summary>
public sealed class TicketOptionsValidator : IValidateOptions<TicketOptions>
{
    public ValidateOptionsResult Validate(string? name, TicketOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var plans = options.MicrosoftSupport.TechnicalPlans;
        for (var i = 0; i < plans.Count; i++)
        {
            var plan = plans[i]?.Trim();
            if (!Enum.TryParse<MicrosoftSupportRoute>(plan, ignoreCase: true, out var route) || int.TryParse(plan, out _)
                || route is not (MicrosoftSupportRoute.PremierSupportForPartners or MicrosoftSupportRoute.AdvancedSupportForPartners))
            {
                problems.Add($"Escalations:MicrosoftSupport:TechnicalPlans:{i} '{plans[i]}' is not a paid technical support plan: use PremierSupportForPartners or AdvancedSupportForPartners (commercial matters always go to CSP commercial support, technical ones without a paid plan to Partner cloud support).");
            }
        }

        if (options.DispatchInterval < TimeSpan.FromSeconds(1))
        {
            problems.Add("Escalations:DispatchInterval must be at least a second.");
        }

        if (options.PostingClaimTimeout < TimeSpan.FromSeconds(10))
        {
            problems.Add("Escalations:PostingClaimTimeout must be at least ten seconds (longer than posting a card takes).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
