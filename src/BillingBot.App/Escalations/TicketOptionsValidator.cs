using BillingBot.Billing.Escalations;
using BillingBot.Protocol.Connector;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Escalations;

/// <summary>
/// Refuses to start with an entitlement the partner cannot have (it would send agents down a route that does not
/// exist), or with a posting claim shorter than a post may take (two instances would post the same ticket).
/// </summary>
public sealed class TicketOptionsValidator(IOptions<ConnectorOptions> connector) : IValidateOptions<TicketOptions>
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

        var totalTimeout = connector.Value.TotalTimeout;
        if (options.PostingClaimTimeout <= totalTimeout)
        {
            problems.Add($"Escalations:PostingClaimTimeout ({options.PostingClaimTimeout}) must exceed Connector:TotalTimeout ({totalTimeout}): a claim that expires while its post is still retrying lets another instance post the ticket again.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
