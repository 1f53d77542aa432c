using BillingBot.App.Commands.Seed;
using BillingBot.Billing.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace BillingBot.App.Tests.Conversations;

/// <summary>A billing contact changes their reminders in chat, and the change is what the planner then does.</summary>
public sealed class ReminderPreferencesTests(SeededConversation app) : IClassFixture<SeededConversation>
{
    private const string Fabrikam = DemoData.PlaygroundTenantId;
    private const string Alex = DemoData.PlaygroundUserObjectId;
    private const string Katarzyna = "5d2e7a10-3b4c-4d5e-8f60-718293a4b5c6"; // Fabrikam's billing contact
    private const string Piotr = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";     // technical contact: gets no reminders

    private IReminderControls Controls => app.Host.Services.GetRequiredService<IReminderControls>();

    [Fact]
    public async Task Remind_me_in_English_is_saved_and_confirmed_in_English()
    {
        var answer = await app.NewChat(Fabrikam, Katarzyna, "pl-PL").AskAsync("przypominaj mi po angielsku");

        Assert.Equal("From now on your reminders will come in English.", answer);
        var preference = (await Controls.ForCustomerAsync(Fabrikam, default)).Preferences.Single(p => p.ObjectId == Katarzyna);
        Assert.Equal("en", preference.Language);
    }

    [Fact]
    public async Task Stopping_reminders_for_an_invoice_removes_it_from_what_the_bot_will_send()
    {
        var chat = app.NewChat(Fabrikam, Alex);
        var before = await chat.AskAsync("kiedy mi przypomnisz?");
        var upcoming = (await app.Invoices.ListForCustomerAsync(Fabrikam, default)).First(i => before.Contains(i.Number, StringComparison.Ordinal));

        var stopped = await chat.AskAsync($"nie przypominaj mi o fakturze {upcoming.Number}");
        var after = await chat.AskAsync("kiedy mi przypomnisz?");

        Assert.Contains("Twoje najbliższe przypomnienia", before, StringComparison.Ordinal);
        Assert.StartsWith($"Dobrze, nie będziesz już dostawać przypomnień o fakturze {upcoming.Number}.", stopped, StringComparison.Ordinal);
        Assert.Contains((await Controls.ForCustomerAsync(Fabrikam, default)).OptOuts, o => o.ObjectId == Alex && o.InvoiceNumber == upcoming.Number);
        // The suspension warning still comes: access is never suspended without one.
        var left = after.Split('\n').Where(l => l.Contains(upcoming.Number, StringComparison.Ordinal)).ToList();
        Assert.True(before.Split('\n').Count(l => l.Contains(upcoming.Number, StringComparison.Ordinal)) > left.Count);
        Assert.All(left, l => Assert.Contains("ostrzeżenie przed zawieszeniem", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Someone_who_is_not_a_billing_contact_is_told_reminders_go_to_billing_contacts()
    {
        var answer = await app.NewChat(Fabrikam, Piotr).AskAsync("when will you remind me?");

        Assert.StartsWith("Reminders go to your organisation's billing contacts; you are not one of them.", answer, StringComparison.Ordinal);
    }
}
