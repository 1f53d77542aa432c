using System.Globalization;
using BillingBot.Billing;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.State;

namespace BillingBot.Bench.Reminders;

/// <summary>
/// A partner's customers and about two years of their invoices, generated deterministically (the same numbers on every
/// run). Customer c is invoiced every 14.6 days with a 14-day term; invoice 0 is the newest. Most invoices are paid
/// around their due date (62 % before it, 25 % within two weeks after, 9 % within a month, 4 % 31 to 35 days after),
/// 0.5 % are cancelled, and 10 % of those still owed are partly paid; so every invoice due more than 35 days before the
/// day is settled and only the last weeks hold anything owed. Each customer has a primary, a billing and a technical
/// contact, and three in four a second billing contact.
/// </summary>
internal sealed class Dataset(int customers, int invoicesPerCustomer, DateOnly today, string salt = "")
{
    private const double Cadence = 14.6;
    private const int TermDays = 14;

    public int Customers => customers;

    public int InvoicesPerCustomer => invoicesPerCustomer;

    public DateOnly Today => today;

    public static string TenantOf(string salt, int c) => Id(salt, c, 0);

    public string TenantId(int c) => Id(salt, c, 0);

    public Customer Customer(int c)
    {
        var tenant = TenantId(c);
        var polish = Uniform(c, 0, 9) < 0.85;
        List<BillingContact> contacts =
        [
            new BillingContact(Id(salt, c, 1), "Anna Kowalska", string.Create(CultureInfo.InvariantCulture, $"anna@k{salt}{c}.example"), BillingContactRole.Primary),
            new BillingContact(Id(salt, c, 2), "Piotr Zieliński", string.Create(CultureInfo.InvariantCulture, $"faktury@k{salt}{c}.example"), BillingContactRole.Billing),
            new BillingContact(Id(salt, c, 3), "Tomasz Nowak", string.Create(CultureInfo.InvariantCulture, $"it@k{salt}{c}.example"), BillingContactRole.Technical),
        ];
        if (Uniform(c, 0, 10) < 0.75)
        {
            // Three customers in four have a second person in accounts, who gets the reminders too.
            contacts.Add(new BillingContact(Id(salt, c, 4), "Ewa Wiśniewska", string.Create(CultureInfo.InvariantCulture, $"ksiegowosc@k{salt}{c}.example"), BillingContactRole.Billing));
        }

        return new Customer(tenant, string.Create(CultureInfo.InvariantCulture, $"Klient {salt}{c:D5} sp. z o.o."), "PLN", polish ? "pl-PL" : "en-GB",
            polish ? "Europe/Warsaw" : "Europe/London", TermDays, SupportPlan.Standard, contacts);
    }

    /// <summary>Invoices <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive) of customer c, 0 the newest.</summary>
    public IEnumerable<Invoice> Invoices(int c, int from, int to)
    {
        var tenant = TenantId(c);
        var phase = Uniform(c, 0, 1) * Cadence;
        for (var k = from; k < Math.Min(to, invoicesPerCustomer); k++)
        {
            var issued = today.AddDays(-(int)Math.Round(phase + (k * Cadence)));
            var due = issued.AddDays(TermDays);
            var net = Math.Round(100m + (decimal)(Uniform(c, k, 2) * 20_000), 2);
            var tax = Math.Round(net * 0.23m, 2);
            var gross = net + tax;
            var outcome = Uniform(c, k, 3);
            var when = Uniform(c, k, 4);
            var paidOn = outcome switch
            {
                < 0.62 => issued.AddDays(2 + (int)(when * 12)),
                < 0.87 => due.AddDays(1 + (int)(when * 14)),
                < 0.96 => due.AddDays(15 + (int)(when * 16)),
                _ => due.AddDays(31 + (int)(when * 5)),
            };
            var (status, paid) = outcome >= 0.995
                ? (InvoiceStatus.Cancelled, 0m)
                : paidOn < today
                    ? (InvoiceStatus.Paid, gross)
                    : Uniform(c, k, 5) < 0.1 && issued.AddDays(5) < today
                        ? (InvoiceStatus.PartiallyPaid, Math.Round(gross * 0.4m, 2))
                        : (due < today ? InvoiceStatus.Overdue : InvoiceStatus.Issued, 0m);
            yield return new Invoice(
                string.Create(CultureInfo.InvariantCulture, $"FV/{issued:yyyy}/{issued:MM}/{salt}{c:D5}-{k:D2}"),
                tenant,
                BillingPeriod.Month(issued.AddDays(-1).Year, issued.AddDays(-1).Month),
                issued,
                due,
                new Money(net, "PLN"),
                new Money(tax, "PLN"),
                new Money(gross, "PLN"),
                new Money(paid, "PLN"),
                [new InvoiceLine("Microsoft 365 Business Premium", 1 + (int)(Uniform(c, k, 6) * 80), new Money(net, "PLN"))],
                null,
                status);
        }
    }

    /// <summary>The 1:1 chats of the customer's people with the bot, as stored when they installed the app.</summary>
    public IEnumerable<StoredConversationReference> References(int c, Uri serviceUrl, DateTimeOffset at)
    {
        var tenant = TenantId(c);
        foreach (var contact in Customer(c).Contacts)
        {
            yield return Reference(tenant, contact.ObjectId, serviceUrl, at);
        }
    }

    public static StoredConversationReference Reference(string tenant, string objectId, Uri serviceUrl, DateTimeOffset at) =>
        new(tenant, "user:" + objectId, new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = serviceUrl.ToString(),
            Bot = new ChannelAccount("28:billingbot", "BillingBot"),
            User = new ChannelAccount("29:" + objectId) { AadObjectId = objectId },
            Conversation = new ConversationAccount { Id = ConversationOf(tenant, objectId), ConversationType = "personal", TenantId = tenant },
            ActivityId = "1732500000000",
        }, true, at);

    public static string ConversationOf(string tenant, string objectId) => "a:1" + tenant[..8] + objectId;

    /// <summary>A GUID-shaped id from a customer number and a slot (0 the tenant, 1.. its people).</summary>
    public static string Id(string salt, int c, int slot)
    {
        var h = Mix((ulong)(uint)c, (ulong)slot, Fnv(salt));
        return string.Create(CultureInfo.InvariantCulture, $"{(uint)c:x8}-{slot:x4}-4{(h >> 52) & 0xfff:x3}-8{(h >> 40) & 0xfff:x3}-{h & 0xffffffffffUL:x12}");
    }

    private double Uniform(int c, int k, int what) => (Mix((ulong)(uint)c, (ulong)(uint)k, (ulong)what + Fnv(salt)) >> 11) * (1.0 / (1UL << 53));

    private static ulong Fnv(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var ch in text)
        {
            hash = (hash ^ ch) * 1099511628211UL;
        }

        return hash;
    }

    // SplitMix64 over the three numbers: deterministic across runs and machines (string.GetHashCode is not).
    private static ulong Mix(ulong a, ulong b, ulong c)
    {
        var z = (a * 0x9E3779B97F4A7C15UL) ^ (b * 0xC2B2AE3D27D4EB4FUL) ^ (c * 0x165667B19E3779F9UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
