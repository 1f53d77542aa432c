using System.Globalization;
using System.Resources;
using BillingBot.App.Bot;
using BillingBot.App.Resources;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Escalations;
using BillingBot.Billing.Reminders;
using BillingBot.Billing.Touchpoints;
using BillingBot.Billing.Understanding;

namespace BillingBot.App.Tests.Sales;

/// <summary>Every topic a summary can show has a label in both languages, and the Polish texts are all there (no English fallback).</summary>
public sealed class SalesTextsTests
{
    public static TheoryData<string> Cultures => ["pl-PL", "en-US"];

    [Theory]
    [MemberData(nameof(Cultures))]
    public void GivenEveryIntent_ThenItHasALabel(string culture)
    {
        var texts = BillingTexts.For(CultureInfo.GetCultureInfo(culture));

        Assert.All(Enum.GetValues<Intent>(), intent => Assert.False(string.IsNullOrWhiteSpace(texts["Intent_" + intent])));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void GivenEveryKindCategoryAndRole_ThenTheSalesTextsNameThem(string culture)
    {
        var texts = SalesTexts.For(CultureInfo.GetCultureInfo(culture));

        Assert.All(Enum.GetNames<TouchpointKind>(), k => Assert.NotEmpty(texts["Kind_" + k]));
        Assert.All(Enum.GetNames<ReminderKind>(), k => Assert.NotEmpty(texts["Reminder_" + k]));
        Assert.All(Enum.GetNames<TicketCategory>(), k => Assert.NotEmpty(texts["Category_" + k]));
        Assert.All(Enum.GetNames<BillingContactRole>().Append("None"), k => Assert.NotEmpty(texts["Role_" + k]));
    }

    [Theory]
    [InlineData("BillingBot.App.Resources.SalesTexts")]
    [InlineData("BillingBot.App.Resources.BillingTexts")]
    public void GivenTheEnglishTexts_ThenEachHasItsOwnPolishText(string baseName)
    {
        var manager = new ResourceManager(baseName, typeof(SalesTexts).Assembly);
        var english = manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!;
        var polish = manager.GetResourceSet(BotCulture.Polish.Parent, createIfNotExists: true, tryParents: false)!;

        var missing = english.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Where(k => polish.GetString(k) is null).ToList();

        Assert.Empty(missing);
    }
}
