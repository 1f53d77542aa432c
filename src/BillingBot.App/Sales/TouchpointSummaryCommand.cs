using System.Globalization;
using BillingBot.App.Resources;
using BillingBot.App.Staff;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Escalations;
using BillingBot.Billing.Staff;
using BillingBot.Billing.Support;
using BillingBot.Billing.Touchpoints;
using BillingBot.Protocol.Cards;
using BillingBot.Protocol.Schema;
using BillingBot.Recognizers;

namespace BillingBot.App.Sales;

/// <summary>
/// "summary Contoso" / "podsumowanie Contoso" (or a tenant id): any member of the staff gets a card of the customer's
/// touchpoints over the last 90 days. The name is matched ignoring case and diacritics, as a part of the customer's
/// name; when several customers match, the staff member is asked which one, and told when none does.
/// </summary>
public sealed partial class TouchpointSummaryCommand(
    ICustomerRepository customers,
    ITouchpoints touchpoints,
    ITickets tickets,
    SupportOffer support,
    AdaptiveCardSerializer cards,
    TimeProvider time,
    ILogger<TouchpointSummaryCommand> logger) : IStaffCommand
{
    /// <summary>The most customers listed when a name matches several.</summary>
    public const int MaxChoices = 10;

    private static readonly string[] CommandWords = ["summary", "podsumowanie"];

    public string? Usage(StaffMember member, CultureInfo culture) => SalesTexts.For(culture).Format("Summary_Usage", SalesLeads.RecentDays);

    public async Task<bool> TryHandleAsync(StaffTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (QueryOf(turn.Text) is not { } query)
        {
            return false;
        }

        var t = SalesTexts.For(turn.Culture);
        if (query.Length == 0)
        {
            await ReplyAsync(turn, t["Summary_AskWho"], cancellationToken).ConfigureAwait(false);
            return true;
        }

        var found = await FindAsync(query, cancellationToken).ConfigureAwait(false);
        Log.Searched(logger, found.Count);
        if (found.Count == 0)
        {
            await ReplyAsync(turn, t.Format("Summary_NotFound", MarkdownText.Escape(query)), cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (found.Count > 1)
        {
            var lines = found.Take(MaxChoices).Select(c => t.Format("Summary_Choice", MarkdownText.Escape(c.Name), c.TenantId)).ToList();
            if (found.Count > MaxChoices)
            {
                lines.Add(t.Format("Summary_More", found.Count - MaxChoices));
            }

            await ReplyAsync(turn, t.Format("Summary_Several", MarkdownText.Escape(query), string.Join("\n", lines)), cancellationToken).ConfigureAwait(false);
            return true;
        }

        var customer = found[0];
        var until = time.GetUtcNow();
        var since = until.AddDays(-SalesLeads.RecentDays);
        var recorded = await touchpoints.SinceAsync(customer.TenantId, since, cancellationToken).ConfigureAwait(false);
        var stored = await tickets.ForCustomerAsync(customer.TenantId, cancellationToken).ConfigureAwait(false);
        var summary = new TouchpointSummary(customer, since, until, SalesLeads.RecentDays, recorded, stored);
        var format = new SalesFormat(turn.Culture, support.Hours.TimeZone);
        var card = TouchpointSummaryCard.Build(summary, format);
        await turn.Context.SendActivityAsync(cards.CreateMessage(card, format.Texts.Format("Summary_Title", customer.Name)), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>What follows the command word ("" for the word alone), or null when the message is not this command.</summary>
    public static string? QueryOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var end = 0;
        while (end < trimmed.Length && !char.IsWhiteSpace(trimmed[end]))
        {
            end++;
        }

        var word = TextFolding.Fold(trimmed[..end]).TrimEnd(':');
        return CommandWords.Contains(word, StringComparer.Ordinal)
            ? trimmed[end..].Trim().Trim('"', '\'', '„', '”', '“', '«', '»').Trim()
            : null;
    }

    /// <summary>The customer with this tenant id, or the customers whose name contains the query; an exact name wins over partial ones.</summary>
    private async Task<IReadOnlyList<Customer>> FindAsync(string query, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(query, out _))
        {
            var byTenant = await customers.FindAsync(query, cancellationToken).ConfigureAwait(false);
            if (byTenant is not null)
            {
                return [byTenant];
            }
        }

        var wanted = Comparable(query);
        var all = await customers.ListAsync(cancellationToken).ConfigureAwait(false);
        var matches = all.Where(c => Comparable(c.Name).Contains(wanted, StringComparison.Ordinal)).ToList();
        var exact = matches.Where(c => Comparable(c.Name) == wanted).ToList();
        return exact.Count == 1 ? exact : matches;
    }

    private static string Comparable(string text) =>
        string.Join(' ', TextFolding.Fold(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static Task ReplyAsync(StaffTurn turn, string text, CancellationToken cancellationToken)
    {
        var message = ActivityExtensions.CreateMessage(text);
        message.TextFormat = "markdown";
        return turn.Context.SendActivityAsync(message, cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(7521, LogLevel.Information, "Touchpoint summary asked for: {Matches} customer(s) matched")]
        public static partial void Searched(ILogger logger, int matches);
    }
}
