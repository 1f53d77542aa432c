using System.Globalization;

namespace BillingBot.Billing.Customers;

/// <summary>
/// A customer of the partner: one Entra tenant, billed in one currency, spoken to in its locale, whose dates (due
/// dates above all) are calendar dates in its time zone.
/// </summary>
public sealed record Customer
{
    private readonly TimeZoneInfo _timeZone;

    public Customer(
        string tenantId,
        string name,
        string currency,
        string locale,
        string timeZoneId,
        int paymentTermDays,
        SupportPlan supportPlan,
        IReadOnlyList<BillingContact> contacts)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        TenantId = Guard.Required(tenantId, nameof(tenantId));
        Name = Guard.Required(name, nameof(name));
        Currency = Money.Zero(currency).Currency;
        Locale = KnownLocale(locale);
        _timeZone = TimeZoneInfo.TryFindSystemTimeZoneById(Guard.Required(timeZoneId, nameof(timeZoneId)), out var zone)
            ? zone
            : throw new ArgumentException($"'{timeZoneId}' is not a known time zone; use an IANA id such as Europe/Warsaw.", nameof(timeZoneId));
        TimeZoneId = timeZoneId;
        PaymentTermDays = paymentTermDays is >= 0 and <= 365
            ? paymentTermDays
            : throw new ArgumentOutOfRangeException(nameof(paymentTermDays), paymentTermDays, "The payment term is between 0 and 365 days.");
        SupportPlan = Guard.Defined(supportPlan, nameof(supportPlan));
        var duplicate = contacts.GroupBy(c => c.ObjectId, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        Contacts = duplicate is null
            ? [.. contacts]
            : throw new ArgumentException($"The contact {duplicate.Key} is listed more than once.", nameof(contacts));
    }

    /// <summary>The customer's Entra tenant id; the key of everything the customer owns.</summary>
    public string TenantId { get; }

    public string Name { get; }

    /// <summary>The ISO 4217 currency the customer is invoiced in.</summary>
    public string Currency { get; }

    /// <summary>The culture the customer is spoken to in, such as pl-PL or en-GB.</summary>
    public string Locale { get; }

    /// <summary>The IANA time zone, such as Europe/Warsaw, in which the customer's calendar dates are meant.</summary>
    public string TimeZoneId { get; }

    public int PaymentTermDays { get; }

    public SupportPlan SupportPlan { get; }

    public IReadOnlyList<BillingContact> Contacts { get; }

    /// <summary>The contact with this Entra object id, or null when the person is not a contact of the customer.</summary>
    public BillingContact? FindContact(string objectId) =>
        Contacts.FirstOrDefault(c => string.Equals(c.ObjectId, objectId, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Whether the person with this Entra object id is a billing contact allowed to see amounts (Primary or Billing).
    /// Anyone else in the tenant, technical contacts included, is not.
    /// </summary>
    public bool CanSeeAmounts(string objectId) => FindContact(objectId)?.CanSeeAmounts == true;

    /// <summary>The customer's calendar date at an instant: what "today" means when the customer asks about due dates.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _timeZone).DateTime);

    /// <summary>The due date of an invoice issued on a date, under the customer's payment term.</summary>
    public DateOnly DueDateFor(DateOnly issueDate) => issueDate.AddDays(PaymentTermDays);

    public bool Equals(Customer? other) =>
        other is not null
        && TenantId == other.TenantId
        && Name == other.Name
        && Currency == other.Currency
        && Locale == other.Locale
        && TimeZoneId == other.TimeZoneId
        && PaymentTermDays == other.PaymentTermDays
        && SupportPlan == other.SupportPlan
        && Contacts.SequenceEqual(other.Contacts);

    public override int GetHashCode() => HashCode.Combine(TenantId, Name, Currency, Locale, TimeZoneId, PaymentTermDays, SupportPlan, Contacts.Count);

    private static string KnownLocale(string locale)
    {
        try
        {
            return CultureInfo.GetCultureInfo(Guard.Required(locale, nameof(locale)), predefinedOnly: true).Name;
        }
        catch (CultureNotFoundException ex)
        {
            throw new ArgumentException($"'{locale}' is not a known locale; use a culture name such as pl-PL or en-GB.", nameof(locale), ex);
        }
    }
}
