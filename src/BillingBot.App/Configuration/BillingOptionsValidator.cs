using Microsoft.Extensions.Options;

namespace BillingBot.App.Configuration;

/// <summary>Refuses to start with a support offer, payment details or collection policy that would mislead customers.</summary>
public sealed class BillingOptionsValidator :
    IValidateOptions<SupportOptions>, IValidateOptions<PaymentOptions>, IValidateOptions<CollectionPolicyOptions>, IValidateOptions<ConversationOptions>
{
    public ValidateOptionsResult Validate(string? name, SupportOptions options)
    {
        var problems = new List<string>();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            problems.Add($"Support:TimeZone '{options.TimeZone}' is not a known time zone.");
        }

        if (options.Contacts.Count == 0 || options.Contacts.Any(c => string.IsNullOrWhiteSpace(c.Value)))
        {
            problems.Add("Support:Contacts must list at least one way to reach support, each with a value.");
        }

        if (options.Hours.Any(h => h.Days.Count == 0 || h.Opens >= h.Closes))
        {
            problems.Add("Support:Hours entries need days and an opening time before the closing time.");
        }

        if (options.Plans.Count == 0)
        {
            problems.Add("Support:Plans must publish at least one plan.");
        }

        foreach (var plan in options.Plans)
        {
            if (plan.MonthlyPrice < 0 || plan.ResponseHours <= 0 || plan.Currency is not { Length: 3 } || !plan.Currency.All(char.IsAsciiLetterUpper))
            {
                problems.Add($"Support:Plans {plan.Plan} needs a non-negative price, an ISO currency and a positive response time.");
            }
        }

        return Result(problems);
    }

    public ValidateOptionsResult Validate(string? name, PaymentOptions options) =>
        string.IsNullOrWhiteSpace(options.AccountNumber) || string.IsNullOrWhiteSpace(options.BankName)
            ? ValidateOptionsResult.Fail("Payments:BankName and Payments:AccountNumber are required: customers are told where to pay.")
            : ValidateOptionsResult.Success;

    public ValidateOptionsResult Validate(string? name, CollectionPolicyOptions options) =>
        Result(options.ToPolicy().Validate().Select(p => "Collections: " + p).ToList());

    public ValidateOptionsResult Validate(string? name, ConversationOptions options) =>
        options.InvoiceListSize is < 1 or > 50 || options.MissesBeforeOfferingPerson < 1
            ? ValidateOptionsResult.Fail("Conversations:InvoiceListSize must be 1–50 and MissesBeforeOfferingPerson at least 1.")
            : ValidateOptionsResult.Success;

    private static ValidateOptionsResult Result(List<string> problems) =>
        problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
}
