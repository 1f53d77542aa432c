using BillingBot.App.Escalations;
using BillingBot.Billing.Understanding;

namespace BillingBot.App.Tests.Tickets;

/// <summary>Ticket numbers read the way customers type them, and each customer's numbers run on per year.</summary>
public sealed class TicketNumbersTests
{
    [Theory]
    [InlineData("Status of T-2026-0007", "T-2026-0007")]
    [InlineData("co z t-2026-7?", "T-2026-0007")]
    [InlineData("zgłoszenie T 2026 - 0012 i T-2026-0013", "T-2026-0012|T-2026-0013")]
    [InlineData("invoice FV/2026/10/017", "")]
    [InlineData("ST-2026-0001", "")]
    public void A_message_names_tickets_in_any_case_and_spacing(string text, string expected)
    {
        Assert.Equal(expected.Length == 0 ? [] : expected.Split('|'), TicketNumbers.Find(text));
    }

    [Fact]
    public void The_next_number_follows_the_highest_of_the_year_and_starts_again_each_year()
    {
        string[] existing = ["T-2025-0041", "T-2026-0002", "T-2026-0010", "oops"];

        Assert.Equal(11, TicketNumbers.NextSequence(existing, 2026));
        Assert.Equal(42, TicketNumbers.NextSequence(existing, 2025));
        Assert.Equal(1, TicketNumbers.NextSequence(existing, 2027));
        Assert.Equal("T-2027-0001", TicketNumbers.Format(2027, 1));
    }

    [Theory]
    [InlineData("I want to dispute invoice FV/2026/10/017", true)]
    [InlineData("chcę złożyć reklamację faktury FV/2026/10/017", true)]
    [InlineData("kwestionuję fakturę FV/2026/10/017", true)]
    [InlineData("KWESTIONUJE FAKTURE FV/2026/10/017", true)]
    [InlineData("czy faktura FV/2026/10/017 jest opłacona?", false)]
    public void A_dispute_is_recognized_by_its_words(string text, bool disputes)
    {
        var understanding = new UtteranceUnderstanding(text, "pl", Intent.InvoiceStatus, 0.9, true, [], new UtteranceEntities(["FV/2026/10/017"], [], [], []));

        Assert.Equal(disputes, TicketDialog.Disputes(text));
        Assert.Equal(disputes, TicketDialog.Takes(understanding));
    }
}
