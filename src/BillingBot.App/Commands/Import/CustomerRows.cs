using System.Globalization;
using BillingBot.Billing.Customers;

namespace BillingBot.App.Commands.Import;

/// <summary>
/// Reads a customer row. Contacts are one column: "object id|name|email|role" items separated by ';', for example
/// "00000000-0000-0000-0000-0000000000020|Alex Wilber|alex@fabrikam.example|Primary".
/// </summary>
internal static class CustomerRows
{
    public static Customer? Read(CsvRecord row)
    {
        var tenantId = row.Required("tenant_id");
        var name = row.Required("name");
        var currency = row.Currency("currency");
        var locale = row.Required("locale");
        if (locale is not null && !IsLocale(locale))
        {
            row.Error($"locale: '{locale}' is not a known locale, such as pl-PL or en-GB");
        }

        var timeZone = row.Required("time_zone");
        if (timeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            row.Error($"time_zone: '{timeZone}' is not a known time zone, such as Europe/Warsaw");
        }

        var term = row.WholeNumber("payment_term_days");
        var plan = row.Choice<SupportPlan>("support_plan");
        var contacts = Contacts(row, row.Optional("contacts"));
        if (row.HasErrors)
        {
            return null;
        }

        try
        {
            return new Customer(tenantId!, name!, currency!, locale!, timeZone!, term!.Value, plan!.Value, contacts);
        }
        catch (ArgumentException ex)
        {
            row.Error(DomainErrors.Describe(ex));
            return null;
        }
    }

    private static List<BillingContact> Contacts(CsvRecord row, string? text)
    {
        var contacts = new List<BillingContact>();
        var items = text?.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
        for (var i = 0; i < items.Length; i++)
        {
            var parts = items[i].Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length != 4)
            {
                row.Error($"contacts: item {i + 1} ('{items[i]}') is not 'object id|name|email|role'");
                continue;
            }

            if (!CsvFields.TryChoice<BillingContactRole>(parts[3], out var role))
            {
                row.Error($"contacts: item {i + 1} has the role '{parts[3]}', not one of {CsvFields.Choices<BillingContactRole>()}");
                continue;
            }

            try
            {
                contacts.Add(new BillingContact(parts[0], parts[1], parts[2], role));
            }
            catch (ArgumentException ex)
            {
                row.Error($"contacts: item {i + 1}: {DomainErrors.Describe(ex)}");
            }
        }

        return contacts;
    }

    private static bool IsLocale(string name)
    {
        try
        {
            return CultureInfo.GetCultureInfo(name, predefinedOnly: true) is not null;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
