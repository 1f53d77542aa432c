using System.Text.RegularExpressions;
using BillingBot.App.Commands.Seed;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using FsCheck;
using FsCheck.Fluent;

namespace BillingBot.App.Tests.Conversations;

/// <summary>No answer ever contains another tenant's data, whoever asks about whichever invoice number.</summary>
public sealed partial class TenantIsolationTests(SeededConversation app) : IClassFixture<SeededConversation>
{
    private static readonly string[] Questions =
    [
        "czy faktura {0} jest opłacona?", "is invoice {0} paid?", "do kiedy mam zapłacić fakturę {0}?", "when is {0} due?",
        "jak zapłacić fakturę {0}?", "co jeśli nie zapłacę {0}?", "what happens if I don't pay {0}", "dlaczego faktura {0} jest wyższa?",
        "ile jestem winien?", "pokaż faktury", "is my access at risk?",
    ];

    [Fact]
    public async Task Given_random_tenants_and_invoice_numbers_Then_answers_only_ever_name_the_callers_own_invoices()
    {
        var customers = await app.Customers.ListAsync(default);
        var invoices = new Dictionary<string, IReadOnlyList<Invoice>>();
        foreach (var customer in customers)
        {
            invoices[customer.TenantId] = await app.Invoices.ListForCustomerAsync(customer.TenantId, default);
        }

        var numbers = invoices.Values.SelectMany(i => i).Select(i => i.Number).Distinct().ToArray();
        var callers = Gen.OneOf(
            Gen.Elements(customers.ToArray()).SelectMany(c => Gen.Elements(c.Contacts.Select(x => x.ObjectId).Append(Guid.NewGuid().ToString()).ToArray()), (c, user) => (Tenant: c.TenantId, User: user)),
            Gen.Fresh(() => (Tenant: Guid.NewGuid().ToString(), User: Guid.NewGuid().ToString())));
        var asked = Gen.OneOf(
            Gen.Elements(numbers),
            Gen.Choose(1, 999).Select(n => $"FV/2026/{1 + (n % 12):00}/{n:000}"));
        var cases = callers.SelectMany(_ => asked, (caller, number) => (caller.Tenant, caller.User, Number: number))
            .SelectMany(_ => Gen.Elements(Questions), (c, question) => (c.Tenant, c.User, c.Number, Question: string.Format(System.Globalization.CultureInfo.InvariantCulture, question, c.Number)));

        var property = Prop.ForAll(cases.ToArbitrary(), c =>
        {
            // The property runs synchronously; the conversation is awaited off xUnit's context.
            var answer = Task.Run(() => app.NewChat(c.Tenant, c.User).AskAsync(c.Question)).GetAwaiter().GetResult();
            var own = invoices.TryGetValue(c.Tenant, out var mine) ? mine.Select(i => i.Number).ToHashSet() : [];
            var named = InvoiceNumber().Matches(answer).Select(m => m.Value).ToHashSet();
            var foreign = named.Where(n => !own.Contains(n) && n != c.Number).ToList();
            var otherNames = customers.Where(x => x.TenantId != c.Tenant).Select(x => x.Name).Where(name => answer.Contains(name, StringComparison.Ordinal)).ToList();
            // Asking about somebody else's invoice number gets "not found", never its card.
            var leaked = !own.Contains(c.Number) && numbers.Contains(c.Number) && answer.Contains(c.Number + ":", StringComparison.Ordinal);
            return (foreign.Count == 0 && otherNames.Count == 0 && !leaked)
                .Label($"{c.Tenant} asked '{c.Question}': foreign numbers [{string.Join(", ", foreign)}], other customers [{string.Join(", ", otherNames)}], leaked {leaked}");
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(60), property);
    }

    [GeneratedRegex(@"FV/\d{4}/\d{2}/\d{3,}")]
    private static partial Regex InvoiceNumber();
}
