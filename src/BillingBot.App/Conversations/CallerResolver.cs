using System.Globalization;
using BillingBot.App.Bot;
using BillingBot.App.Configuration;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Support;
using BillingBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Conversations;

/// <summary>
/// Resolves the <see cref="Caller"/> of a turn from the activity alone: the conversation's tenant picks the customer,
/// never anything the user types, so no answer can carry another tenant's data.
/// </summary>
public sealed class CallerResolver(ICustomerRepository customers, SupportOffer support, TimeProvider time, IOptions<ConversationOptions> options)
{
    public async Task<Caller> ResolveAsync(Activity activity, string? language, CancellationToken cancellationToken)
    {
        var tenantId = activity.GetTenantId();
        var userId = activity.From?.AadObjectId;
        var customer = string.IsNullOrEmpty(tenantId) ? null : await customers.FindAsync(tenantId, cancellationToken).ConfigureAwait(false);
        var canSeeAmounts = customer is not null
            && (!options.Value.AmountsOnlyForBillingContacts || (userId is not null && customer.CanSeeAmounts(userId)));
        var culture = language switch
        {
            "pl" => BotCulture.Polish,
            "en" => BotCulture.English,
            _ => BotCulture.For(activity),
        };
        var now = time.GetUtcNow();
        // The customer's calendar decides what "today" and "overdue" mean; without a customer, the support desk's.
        var today = customer?.LocalDate(now) ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, support.Hours.TimeZone).DateTime);
        return new Caller(tenantId, userId, customer, canSeeAmounts, culture, now, today);
    }

    /// <summary>The culture for a language code, for callers that know the language before the customer.</summary>
    public static CultureInfo CultureOf(string language) => language == "pl" ? BotCulture.Polish : BotCulture.English;
}
