using BillingBot.Billing;
using BillingBot.Billing.Support;

namespace BillingBot.App.Configuration;

/// <summary>The partner's published support offer as configured under "Support".</summary>
public sealed class SupportOptions
{
    /// <summary>The support desk's time zone (IANA), in which hours and holidays are given.</summary>
    public string TimeZone { get; set; } = "Europe/Warsaw";

    public List<OpeningHoursOptions> Hours { get; set; } = [];

    public List<DateOnly> Holidays { get; set; } = [];

    public List<ContactMethodOptions> Contacts { get; set; } = [];

    public List<SupportPlanOptions> Plans { get; set; } = [];

    /// <summary>The configured offer in domain terms; call after validation.</summary>
    public SupportOffer ToOffer() => new(
        new SupportHours(
            TimeZoneInfo.FindSystemTimeZoneById(TimeZone),
            [.. Hours.SelectMany(h => h.Days.Select(d => new OpeningHours(d, h.Opens, h.Closes)))],
            Holidays.ToHashSet()),
        [.. Contacts.Select(c => new ContactMethod(c.Kind, c.Value))],
        [.. Plans.Select(p => new SupportPlanOffer(p.Plan, new Money(p.MonthlyPrice, p.Currency), TimeSpan.FromHours(p.ResponseHours), p.Covered))]);
}
