using System.Globalization;
using BillingBot.Billing;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Payments;
using FsCheck;
using FsCheck.Fluent;

namespace BillingBot.App.Tests.Fuzz;

/// <summary>
/// FsCheck generators of valid customers, invoices and payments, as an import file may hold them: names with commas,
/// quotes and Polish letters, products that look like spreadsheet formulas, amounts up to the format's limits, every
/// status that agrees with the amounts. Their ids carry <see cref="Unique"/>, replaced per input so no two inputs collide.
/// </summary>
internal static class BillingRecordGen
{
    /// <summary>The placeholder of an input's own part of every id.</summary>
    public const string Unique = "{u}";

    private static readonly string[] Names =
    [
        "Fabrikam Polska sp. z o.o.", "Contoso, Ltd.", "\"Northwind\" Traders", "Żółć i Spółka S.A.", "=1+1 Consulting",
        "Tailspin Toys B.V.", "A. Datum | Corp", "Litware; Inc.", "O'Brien & Söhne GmbH", "Woodgrove\nBank",
    ];

    private static readonly string[] Products =
    [
        "Microsoft 365 Business Premium", "Azure consumption", "=SUM(A1:A2)", "+48 support line", "-discount", "@mention seat",
        "Licencja „Żółć” – roczna", "Support, premium \"gold\"", "Copilot for Microsoft 365", "Dynamics 365 Sales Enterprise",
    ];

    private static readonly (string Currency, string Locale, string TimeZone)[] Places =
    [
        ("PLN", "pl-PL", "Europe/Warsaw"), ("EUR", "en-GB", "Europe/Amsterdam"), ("GBP", "en-GB", "Europe/London"),
        ("USD", "en-US", "America/New_York"), ("CHF", "de-CH", "Europe/Zurich"), ("CZK", "cs-CZ", "Europe/Prague"),
    ];

    private static readonly decimal[] Quantities = [1m, 25m, 0.5m, 1.333333m, 100_000m, 7.25m];

    public static Gen<Customer> Customer(int index) =>
        from name in Gen.Elements(Names)
        from place in Gen.Elements(Places)
        from term in Gen.Choose(0, 120)
        from plan in Gen.Elements(Enum.GetValues<SupportPlan>())
        from contacts in Gen.Choose(0, 2).SelectMany(n => Gen.ListOf(Contact(), n))
        select new Customer($"{Unique}-c{index}", name, place.Currency, place.Locale, place.TimeZone, term, plan,
            [.. contacts.DistinctBy(c => c.ObjectId)]);

    /// <summary>An invoice of one of <paramref name="customers"/>, in its currency.</summary>
    public static Gen<Invoice> Invoice(IReadOnlyList<Customer> customers, int index) =>
        from customer in Gen.Elements(customers.ToArray())
        from issueDay in Gen.Choose(0, 330)
        from term in Gen.Choose(0, 60)
        from lines in Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(Line(customer.Currency), n))
        from netWithoutLines in Gen.Choose(0, 2_000_000)
        from taxMode in Gen.Choose(0, 2)
        from paidMode in Gen.Choose(0, 2)
        from paidShare in Gen.Choose(1, 99)
        from statusMode in Gen.Choose(0, 3)
        from pdf in Gen.Elements(true, false)
        select Build(customer, index, issueDay, term, [.. lines], netWithoutLines, taxMode, paidMode, paidShare, statusMode, pdf);

    /// <summary>A payment for one of <paramref name="invoices"/>, in its currency.</summary>
    public static Gen<Payment> Payment(IReadOnlyList<Invoice> invoices, int index) =>
        from invoice in Gen.Elements(invoices.ToArray())
        from minor in Gen.Choose(1, 50_000)
        from day in Gen.Choose(0, 300)
        from hour in Gen.Choose(0, 23)
        from offset in Gen.Elements(0, 1, 2, -5, 14)
        from method in Gen.Elements(Enum.GetValues<PaymentMethod>())
        from reference in Gen.Elements<string?>(null, invoice.Number, "przelew, \"pilny\"", "=HYPERLINK(\"x\")")
        select new Payment($"PAY-{Unique}-{index}", invoice.TenantId, invoice.Number,
            new DateTimeOffset(new DateTime(2026, 1, 1, hour, 0, 0).AddDays(day), TimeSpan.FromHours(offset)),
            new Money(minor / 100m, invoice.Currency), method, reference);

    /// <summary>The records of an input, their ids made its own.</summary>
    public static Customer Own(Customer c, string unique) =>
        new(c.TenantId.Replace(Unique, unique, StringComparison.Ordinal), c.Name, c.Currency, c.Locale, c.TimeZoneId, c.PaymentTermDays, c.SupportPlan, c.Contacts);

    public static Invoice Own(Invoice i, string unique) =>
        new(i.Number.Replace(Unique, unique, StringComparison.Ordinal), i.TenantId, i.Period, i.IssueDate, i.DueDate, i.Net, i.Tax, i.Gross, i.AmountPaid, i.Lines, i.PdfUrl, i.Status);

    public static Payment Own(Payment p, string unique) =>
        new(p.PaymentId.Replace(Unique, unique, StringComparison.Ordinal), p.TenantId, p.InvoiceNumber, p.ReceivedAt, p.Amount, p.Method, p.Reference);

    private static Gen<BillingContact> Contact() =>
        from a in Gen.Choose(0, int.MaxValue)
        from b in Gen.Choose(0, int.MaxValue)
        from name in Gen.Elements("Anna Wiśniewska", "Jan \"Janek\" Kowalski", "O'Neil, Pat", "Zoë Ångström")
        from role in Gen.Elements(Enum.GetValues<BillingContactRole>())
        select new BillingContact(
            string.Create(CultureInfo.InvariantCulture, $"{a:x8}-0000-4000-8000-{b:x12}"), name,
            string.Create(CultureInfo.InvariantCulture, $"user{b % 1000}@customer.example"), role);

    private static Gen<InvoiceLine> Line(string currency) =>
        from product in Gen.Elements(Products)
        from quantity in Gen.Elements(Quantities)
        from minor in Gen.Choose(1, 99_999_999)
        select new InvoiceLine(product, quantity, new Money(minor / 100m, currency));

    private static Invoice Build(Customer customer, int index, int issueDay, int term, List<InvoiceLine> lines, int netWithoutLines,
        int taxMode, int paidMode, int paidShare, int statusMode, bool pdf)
    {
        var currency = customer.Currency;
        var issued = new DateOnly(2026, 1, 1).AddDays(issueDay);
        var period = BillingPeriod.Month(issued.AddMonths(-1).Year, issued.AddMonths(-1).Month);
        var net = lines.Count > 0 ? lines.Select(l => l.Amount.Amount).Sum() : netWithoutLines / 100m;
        var tax = taxMode switch { 0 => 0m, 1 => decimal.Round(net * 0.23m, 2), _ => decimal.Round(net * 0.08m, 2) };
        var gross = net + tax;
        var paid = paidMode switch { 0 => 0m, 1 => gross, _ => decimal.Round(gross * paidShare / 100m, 2) };
        var owed = paid < gross;
        InvoiceStatus status = statusMode switch
        {
            0 => paid >= gross ? InvoiceStatus.Paid : paid == 0m ? InvoiceStatus.Issued : InvoiceStatus.PartiallyPaid,
            1 when owed => InvoiceStatus.Overdue,
            2 => InvoiceStatus.Disputed,
            3 => InvoiceStatus.Cancelled,
            _ => paid >= gross ? InvoiceStatus.Paid : paid == 0m ? InvoiceStatus.Issued : InvoiceStatus.PartiallyPaid,
        };
        return new Invoice(
            string.Create(CultureInfo.InvariantCulture, $"FV/{Unique}/{index:000}"), customer.TenantId, period, issued, issued.AddDays(term),
            new Money(net, currency), new Money(tax, currency), new Money(gross, currency), new Money(paid, currency), lines,
            pdf ? new Uri($"https://billing.contoso.example/invoices/{customer.TenantId}/{index}.pdf") : null, status);
    }
}
