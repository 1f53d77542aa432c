using BillingBot.Protocol.Connector;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Reminders;

/// <summary>Refuses a scheduler configuration that could send a reminder twice or never.</summary>
public sealed class ReminderOptionsValidator(IOptions<ConnectorOptions> connector) : IValidateOptions<ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        var problems = new List<string>();
        if (options.Interval < TimeSpan.FromSeconds(1))
        {
            problems.Add("Reminders:Interval must be at least a second.");
        }

        var totalTimeout = connector.Value.TotalTimeout;
        if (options.ClaimTimeout <= totalTimeout)
        {
            problems.Add($"Reminders:ClaimTimeout ({options.ClaimTimeout}) must exceed Connector:TotalTimeout ({totalTimeout}): a claim that expires while its send is still retrying lets another instance send the reminder again.");
        }

        if (options.LookAheadDays is < 0 or > 31 || options.CatchUpDays is < 0 or > 31)
        {
            problems.Add("Reminders:LookAheadDays and CatchUpDays must be 0 to 31.");
        }

        if (options.RevisitAfter < TimeSpan.Zero || options.RevisitAfter > TimeSpan.FromDays(1))
        {
            problems.Add("Reminders:RevisitAfter must be between 0 and a day.");
        }

        if (options.MaxParallelTenants is < 1 or > 64)
        {
            problems.Add("Reminders:MaxParallelTenants must be 1 to 64.");
        }

        if (options.MaxParallelPeople is < 1 or > 16)
        {
            problems.Add("Reminders:MaxParallelPeople must be 1 to 16.");
        }

        if (options.DefaultServiceUrl is { Length: > 0 } url
            && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)))
        {
            problems.Add("Reminders:DefaultServiceUrl must be an absolute HTTPS address.");
        }

        if (options.BillingTeamLanguage is not ("pl" or "en"))
        {
            problems.Add("Reminders:BillingTeamLanguage must be \"pl\" or \"en\".");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
