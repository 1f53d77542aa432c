using BillingBot.Billing.Payments;

namespace BillingBot.Billing.Invoices;

/// <summary>
/// An invoice (faktura) the partner issued to a customer. Its invariants hold for every instance: one currency,
/// net + tax = gross, amounts in whole minor units, the due date not before the issue date, and a recorded status that
/// agrees with the amounts. Dates are calendar dates in the customer's time zone.
/// </summary>
/// <remarks>
/// <see cref="Status"/> is the status as recorded; what to tell the customer on a given day is
/// <see cref="StatusOn"/>, because an invoice becomes overdue by the calendar alone.
/// </remarks>
public sealed record Invoice
{
    public Invoice(
        string number,
        string tenantId,
        BillingPeriod period,
        DateOnly issueDate,
        DateOnly dueDate,
        Money net,
        Money tax,
        Money gross,
        Money amountPaid,
        IReadOnlyList<InvoiceLine> lines,
        Uri? pdfUrl,
        InvoiceStatus status)
    {
        ArgumentNullException.ThrowIfNull(lines);
        Number = Guard.Required(number, nameof(number));
        TenantId = Guard.Required(tenantId, nameof(tenantId));
        Period = period;
        IssueDate = issueDate;
        DueDate = dueDate >= issueDate
            ? dueDate
            : throw new ArgumentException($"Invoice {number}: the due date {dueDate:yyyy-MM-dd} is before the issue date {issueDate:yyyy-MM-dd}.", nameof(dueDate));
        var currency = Money.Zero(gross.Currency).Currency;
        Net = Guard.NotNegative(Guard.InCurrency(net, currency, nameof(net)), nameof(net));
        Tax = Guard.NotNegative(Guard.InCurrency(tax, currency, nameof(tax)), nameof(tax));
        Gross = Guard.NotNegative(gross, nameof(gross));
        if (net + tax != gross)
        {
            throw new ArgumentException($"Invoice {number}: net {net} + tax {tax} is {net + tax}, not the gross {gross}.", nameof(gross));
        }

        AmountPaid = Guard.NotNegative(Guard.InCurrency(amountPaid, currency, nameof(amountPaid)), nameof(amountPaid));
        Lines = [.. lines];
        var linesTotal = Money.Zero(currency);
        foreach (var line in Lines)
        {
            linesTotal += Guard.InCurrency(line.Amount, currency, $"The line '{line.Product}'");
        }

        if (Lines.Count > 0 && linesTotal != net)
        {
            throw new ArgumentException($"Invoice {number}: the lines add up to {linesTotal}, not the net {net}.", nameof(lines));
        }

        PdfUrl = pdfUrl is null || (pdfUrl.IsAbsoluteUri && pdfUrl.Scheme == Uri.UriSchemeHttps)
            ? pdfUrl
            : throw new ArgumentException($"Invoice {number}: the PDF link must be an absolute https URL.", nameof(pdfUrl));
        Status = AgreesWithAmounts(Guard.Defined(status, nameof(status)));
    }

    /// <summary>The number as printed, such as FV/2026/10/017; unique within the customer.</summary>
    public string Number { get; }

    public string TenantId { get; }

    public BillingPeriod Period { get; }

    public DateOnly IssueDate { get; }

    /// <summary>The last day to pay (termin płatności), a calendar date in the customer's time zone.</summary>
    public DateOnly DueDate { get; }

    public Money Net { get; }

    public Money Tax { get; }

    public Money Gross { get; }

    /// <summary>How much of the gross has been paid; once payments are recorded, their sum.</summary>
    public Money AmountPaid { get; }

    /// <summary>A short summary by product; when there are lines, their amounts add up to the net.</summary>
    public IReadOnlyList<InvoiceLine> Lines { get; }

    public Uri? PdfUrl { get; }

    /// <summary>The status as recorded. Use <see cref="StatusOn"/> to know where the invoice stands on a day.</summary>
    public InvoiceStatus Status { get; }

    public string Currency => Gross.Currency;

    /// <summary>What is still owed: the gross less what was paid, never negative (an overpayment owes nothing).</summary>
    public Money Outstanding => AmountPaid.Amount >= Gross.Amount ? Money.Zero(Currency) : Gross - AmountPaid;

    /// <summary>
    /// Where the invoice stands on a calendar date of the customer: Disputed and Cancelled stay as decided; fully paid
    /// is Paid; anything still owed after the due date is Overdue (partially paid or not); otherwise PartiallyPaid or
    /// Issued. The due date itself is not overdue yet.
    /// </summary>
    public InvoiceStatus StatusOn(DateOnly date) => Status switch
    {
        InvoiceStatus.Disputed or InvoiceStatus.Cancelled => Status,
        _ when Outstanding.IsZero => InvoiceStatus.Paid,
        _ when date > DueDate => InvoiceStatus.Overdue,
        _ when !AmountPaid.IsZero => InvoiceStatus.PartiallyPaid,
        _ => InvoiceStatus.Issued,
    };

    /// <summary>How many days past its due date the invoice is on a date; 0 unless it is <see cref="InvoiceStatus.Overdue"/> then.</summary>
    public int DaysPastDueOn(DateOnly date) => StatusOn(date) == InvoiceStatus.Overdue ? date.DayNumber - DueDate.DayNumber : 0;

    /// <summary>
    /// The invoice with <see cref="AmountPaid"/> set to the sum of its payments and its status moved accordingly
    /// (Issued/Overdue → PartiallyPaid → Paid; Disputed and Cancelled stay). Applying the same payments again gives the
    /// same invoice, so recording a payment twice is harmless.
    /// </summary>
    public Invoice ApplyPayments(IEnumerable<Payment> payments)
    {
        ArgumentNullException.ThrowIfNull(payments);
        var paid = Money.Zero(Currency);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var payment in payments)
        {
            if (payment.TenantId != TenantId || payment.InvoiceNumber != Number)
            {
                throw new ArgumentException($"The payment {payment.PaymentId} is for invoice {payment.InvoiceNumber} of {payment.TenantId}, not {Number} of {TenantId}.", nameof(payments));
            }

            if (!seen.Add(payment.PaymentId))
            {
                throw new ArgumentException($"The payment {payment.PaymentId} is listed twice.", nameof(payments));
            }

            paid += Guard.InCurrency(payment.Amount, Currency, $"The payment {payment.PaymentId}");
        }

        var status = Status switch
        {
            InvoiceStatus.Disputed or InvoiceStatus.Cancelled => Status,
            _ when paid.Amount >= Gross.Amount => InvoiceStatus.Paid,
            _ when !paid.IsZero => InvoiceStatus.PartiallyPaid,
            InvoiceStatus.Overdue => InvoiceStatus.Overdue,
            _ => InvoiceStatus.Issued,
        };
        return new Invoice(Number, TenantId, Period, IssueDate, DueDate, Net, Tax, Gross, paid, Lines, PdfUrl, status);
    }

    /// <summary>The invoice with another recorded status, e.g. Disputed when the customer files a complaint.</summary>
    public Invoice WithStatus(InvoiceStatus status) =>
        new(Number, TenantId, Period, IssueDate, DueDate, Net, Tax, Gross, AmountPaid, Lines, PdfUrl, status);

    public bool Equals(Invoice? other) =>
        other is not null
        && Number == other.Number
        && TenantId == other.TenantId
        && Period == other.Period
        && IssueDate == other.IssueDate
        && DueDate == other.DueDate
        && Net == other.Net
        && Tax == other.Tax
        && Gross == other.Gross
        && AmountPaid == other.AmountPaid
        && Lines.SequenceEqual(other.Lines)
        && PdfUrl == other.PdfUrl
        && Status == other.Status;

    public override int GetHashCode() => HashCode.Combine(Number, TenantId, IssueDate, DueDate, Gross, AmountPaid, Status, Lines.Count);

    private InvoiceStatus AgreesWithAmounts(InvoiceStatus status)
    {
        var owed = !Outstanding.IsZero;
        var consistent = status switch
        {
            InvoiceStatus.Paid => !owed,
            InvoiceStatus.Issued => owed && AmountPaid.IsZero,
            InvoiceStatus.PartiallyPaid => owed && !AmountPaid.IsZero,
            InvoiceStatus.Overdue => owed,
            _ => true,
        };
        return consistent
            ? status
            : throw new ArgumentException($"Invoice {Number}: the status {status} does not agree with {AmountPaid} paid of {Gross}.", nameof(status));
    }
}
