using BillingBot.Billing.Understanding;
namespace BillingBot.Understanding.Tests;

/// <summary>What customers ask, in Polish (with and without diacritics, any inflection) and in English.</summary>
[Collection(TrainedRecognizerCollection.Name)]
public sealed class IntentRecognitionTests(TrainedRecognizer trained)
{
    [Theory]
    [InlineData("czy już opłaciłem fakturę FV/2026/10/017?", Intent.InvoiceStatus)]
    [InlineData("ile w tej chwili wynosi moje saldo?", Intent.Balance)]
    [InlineData("pokaż proszę listę moich faktur", Intent.ListInvoices)]
    [InlineData("do kiedy mam termin na zapłatę faktury?", Intent.DueDate)]
    [InlineData("na jaki numer konta zrobić przelew?", Intent.HowToPay)]
    [InlineData("kiedy wystawiacie fakturę za dany miesiąc?", Intent.BillingPeriod)]
    [InlineData("dlaczego faktura za październik jest wyższa niż we wrześniu?", Intent.InvoiceChanged)]
    [InlineData("co się stanie, jeśli nie zapłacę faktury na czas?", Intent.CollectionPolicy)]
    [InlineData("czy wyłączycie nam dostęp do subskrypcji?", Intent.AccessAtRisk)]
    [InlineData("w jakich godzinach pracuje wasza pomoc techniczna?", Intent.SupportOffer)]
    [InlineData("chcę porozmawiać z konsultantem", Intent.TalkToPerson)]
    [InlineData("chcę złożyć reklamację do tej faktury", Intent.OpenEscalation)]
    [InlineData("co słychać z moim zgłoszeniem?", Intent.EscalationStatus)]
    [InlineData("nie wysyłajcie mi więcej przypomnień", Intent.ReminderPreferences)]
    [InlineData("dzień dobry, tu Tomek", Intent.Greeting)]
    [InlineData("dzięki, to wszystko czego potrzebowałem", Intent.Thanks)]
    [InlineData("jakie rzeczy potrafisz załatwić?", Intent.Help)]
    [InlineData("anuluj to proszę", Intent.Cancel)]
    [InlineData("jaka jest jutro pogoda w krakowie?", Intent.None)]
    [InlineData("chcielibyśmy dokupić licencje Copilot dla pięciu osób", Intent.Purchase)]
    public Task GivenAPolishMessage_WhenRecognized_ThenItsIntentIsFoundConfidently(string text, Intent expected) =>
        AssertConfident(text, Languages.Polish, expected);

    [Theory]
    [InlineData("has invoice FV/2026/10/017 been paid yet?", Intent.InvoiceStatus)]
    [InlineData("how much is my balance right now?", Intent.Balance)]
    [InlineData("list all of my invoices please", Intent.ListInvoices)]
    [InlineData("by when do I have to pay the invoice?", Intent.DueDate)]
    [InlineData("what account number do I transfer the money to?", Intent.HowToPay)]
    [InlineData("when do you send out the monthly invoice?", Intent.BillingPeriod)]
    [InlineData("why is the october invoice higher than september?", Intent.InvoiceChanged)]
    [InlineData("what happens if I can't pay the invoice on time?", Intent.CollectionPolicy)]
    [InlineData("are you going to switch off our subscription?", Intent.AccessAtRisk)]
    [InlineData("what are the opening hours of your technical support?", Intent.SupportOffer)]
    [InlineData("I'd like to chat with a real person", Intent.TalkToPerson)]
    [InlineData("I want to raise a complaint about this invoice", Intent.OpenEscalation)]
    [InlineData("is there any update on my complaint?", Intent.EscalationStatus)]
    [InlineData("please stop sending me reminders", Intent.ReminderPreferences)]
    [InlineData("hello, Tom here", Intent.Greeting)]
    [InlineData("thanks, that's all I needed", Intent.Thanks)]
    [InlineData("what kinds of things can you do?", Intent.Help)]
    [InlineData("cancel that please", Intent.Cancel)]
    [InlineData("what's the weather like in krakow tomorrow?", Intent.None)]
    [InlineData("we'd like to buy 10 more Microsoft 365 licences", Intent.Purchase)]
    public Task GivenAnEnglishMessage_WhenRecognized_ThenItsIntentIsFoundConfidently(string text, Intent expected) =>
        AssertConfident(text, Languages.English, expected);

    [Theory]
    [InlineData("ile jestem winien", Intent.Balance)]
    [InlineData("kiedy mam zaplacic", Intent.DueDate)]
    [InlineData("dzieki", Intent.Thanks)]
    [InlineData("czy moja faktura jest juz oplacona", Intent.InvoiceStatus)]
    [InlineData("chce rozmawiac z zywym konsultantem", Intent.TalkToPerson)]
    [InlineData("jak moge zaplacic za fakture", Intent.HowToPay)]
    [InlineData("czy zablokujecie nam dostep do poczty", Intent.AccessAtRisk)]
    [InlineData("wylacz przypomnienia o platnosciach", Intent.ReminderPreferences)]
    [InlineData("dlaczego faktura jest wyzsza niz w zeszlym miesiacu", Intent.InvoiceChanged)]
    [InlineData("zlozylem reklamacje, co z nia", Intent.EscalationStatus)]
    public Task GivenPolishTypedWithoutDiacritics_WhenRecognized_ThenItIsUnderstoodAsWithThem(string text, Intent expected) =>
        AssertConfident(text, Languages.Polish, expected);

    [Theory]
    [InlineData("pokaż fakturę FV/2026/10/017", Intent.InvoiceStatus)]
    [InlineData("pokaż wszystkie faktury", Intent.ListInvoices)]
    [InlineData("dlaczego na fakturze jest wyższa kwota", Intent.InvoiceChanged)]
    [InlineData("mam problem z fakturą, chcę ją reklamować", Intent.OpenEscalation)]
    [InlineData("zapłaciłem wczoraj, czy wpłata dotarła?", Intent.InvoiceStatus)]
    [InlineData("kiedy mam zapłacić fakturę?", Intent.DueDate)]
    [InlineData("jakie są formy płatności", Intent.HowToPay)]
    [InlineData("jaka jest moja zaległość", Intent.Balance)]
    [InlineData("kiedy zaczyna się okres rozliczeniowy", Intent.BillingPeriod)]
    [InlineData("czy grozi nam windykacja", Intent.CollectionPolicy)]
    [InlineData("czy grozi nam zawieszenie subskrypcji", Intent.AccessAtRisk)]
    public Task GivenInflectedPolishForms_WhenRecognized_ThenEachMeansItsIntent(string text, Intent expected) =>
        AssertConfident(text, Languages.Polish, expected);

    [Theory]
    [InlineData("ile kosztuje pomoc techniczna premium", Languages.Polish, Intent.SupportOffer)]
    [InlineData("cennik wsparcia", Languages.Polish, Intent.SupportOffer)]
    [InlineData("how much does support cost", Languages.English, Intent.SupportOffer)]
    [InlineData("jak przejść na Business Premium?", Languages.Polish, Intent.Purchase)]
    [InlineData("potrzebujemy nowej subskrypcji Azure dla projektu", Languages.Polish, Intent.Purchase)]
    [InlineData("how do we upgrade to E5?", Languages.English, Intent.Purchase)]
    [InlineData("can we add Copilot for our sales team?", Languages.English, Intent.Purchase)]
    public Task GivenAPriceQuestion_WhenRecognized_ThenSupportPlansAreTheSupportOfferAndProductsAreAPurchase(string text, string language, Intent expected) =>
        AssertConfident(text, language, expected);

    [Theory]
    [InlineData("asdf qwerty")]
    [InlineData("qwertyuiop")]
    [InlineData("lorem ipsum dolor")]
    [InlineData("ok")]
    public async Task GivenGibberish_WhenRecognized_ThenTheBotIsNotConfident(string text)
    {
        var understanding = await trained.Recognizer.RecognizeAsync(text, null, TrainedRecognizer.Today, CancellationToken.None);

        Assert.False(understanding.IsConfident, $"{understanding.Intent} at {understanding.Confidence:0.00}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task GivenAnEmptyMessage_WhenRecognized_ThenNothingIsUnderstood(string text)
    {
        var understanding = await trained.Recognizer.RecognizeAsync(text, Languages.Polish, TrainedRecognizer.Today, CancellationToken.None);

        Assert.Equal(Intent.None, understanding.Intent);
        Assert.False(understanding.IsConfident);
    }

    [Fact]
    public async Task GivenAClearQuestion_WhenRecognized_ThenTheTopIntentsStartWithItAndAreOrderedBestFirst()
    {
        var understanding = await trained.Recognizer.RecognizeAsync("ile jestem winien?", Languages.Polish, TrainedRecognizer.Today, CancellationToken.None);

        Assert.Equal(3, understanding.TopIntents.Count);
        Assert.Equal(new IntentScore(understanding.Intent, understanding.Confidence), understanding.TopIntents[0]);
        Assert.True(understanding.TopIntents.Zip(understanding.TopIntents.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.Equal(3, understanding.TopIntents.Select(s => s.Intent).Distinct().Count());
    }

    [Fact]
    public async Task GivenAPolishMessageFromAnEnglishClient_WhenRecognizedWithoutALanguage_ThenItIsAnsweredInPolish()
    {
        var understanding = await trained.Recognizer.RecognizeAsync("kiedy mam zaplacic?", null, TrainedRecognizer.Today, CancellationToken.None);

        Assert.Equal(Languages.Polish, understanding.Language);
        Assert.Equal(Intent.DueDate, understanding.Intent);
    }

    [Fact]
    public async Task GivenAMessageWithNoClueToItsLanguage_WhenRecognizedWithoutOne_ThenTheFallbackLanguageIsUsed()
    {
        var understanding = await trained.Recognizer.RecognizeAsync("FV/2026/10/017", null, TrainedRecognizer.Today, CancellationToken.None);

        Assert.Equal(new UnderstandingOptions().FallbackLanguage, understanding.Language);
        Assert.Equal(Intent.InvoiceStatus, understanding.Intent);
    }

    [Fact]
    public async Task GivenALocaleRatherThanALanguage_WhenRecognized_ThenItsLanguageIsUsed()
    {
        var understanding = await trained.Recognizer.RecognizeAsync("hello", "pl-PL", TrainedRecognizer.Today, CancellationToken.None);

        Assert.Equal(Languages.Polish, understanding.Language);
    }

    [Fact]
    public async Task GivenALanguageTheBotDoesNotSpeak_WhenRecognized_ThenTheCallerIsTold()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => trained.Recognizer.RecognizeAsync("hallo", "de", TrainedRecognizer.Today, CancellationToken.None));
    }

    [Fact]
    public async Task GivenManyMessagesAtOnce_WhenRecognizedInParallel_ThenEachGetsTheSameAnswerAsAlone()
    {
        var messages = TestData.HeldOut(Languages.Polish).Concat(TestData.HeldOut(Languages.English)).Select(u => u.Text).ToList();
        var alone = new List<UtteranceUnderstanding>();
        foreach (var message in messages)
        {
            alone.Add(await trained.Recognizer.RecognizeAsync(message, null, TrainedRecognizer.Today, CancellationToken.None));
        }

        var together = await Task.WhenAll(messages.Select(m => Task.Run(() => trained.Recognizer.RecognizeAsync(m, null, TrainedRecognizer.Today, CancellationToken.None))));

        Assert.Equal(alone.Select(u => (u.Language, u.Intent, u.Confidence)), together.Select(u => (u.Language, u.Intent, u.Confidence)));
    }

    private async Task AssertConfident(string text, string language, Intent expected)
    {
        var understanding = await trained.Recognizer.RecognizeAsync(text, language, TrainedRecognizer.Today, CancellationToken.None);

        Assert.Equal(expected, understanding.Intent);
        Assert.True(understanding.IsConfident, $"{expected} only at {understanding.Confidence:0.00}");
    }
}
