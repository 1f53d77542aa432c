using BillingBot.Protocol.Dialogs;
using BillingBot.TestKit.Dialogs;
using static BillingBot.Protocol.Tests.Dialogs.DialogHarness;

namespace BillingBot.Protocol.Tests.Dialogs;

public class NumberPromptTests
{
    private static readonly PromptOptions PolishQuestion = new() { Prompt = Message("Ile zapłaciłeś?") };
    private static readonly PromptOptions EnglishQuestion = new() { Prompt = Message("How much did you pay?") };

    [Theory]
    [InlineData("1 250,50", "1250.50")]
    [InlineData("1 250,50 zł", "1250.50")]
    [InlineData("1250,5", "1250.5")]
    [InlineData("zapłaciłem 300 zł wczoraj", "300")]
    [InlineData("nie pamiętam", null)]
    [InlineData("dwa", "2")]
    public async Task Given_a_Polish_user_When_they_answer_with_an_amount_Then_it_is_read_as_Poles_write_it(string answer, string? expected)
    {
        var harness = PromptTestBot.For(new NumberPrompt<decimal>("number"), PolishQuestion);

        var flow = new TestFlow(harness.Adapter("pl-PL"), harness.Run())
            .Send("cześć").AssertReply("Ile zapłaciłeś?")
            .Send(answer);
        flow = expected is null
            ? flow.AssertReply("Przepraszam, potrzebuję tu liczby, na przykład 1 250,50. Ile zapłaciłeś?")
            : flow.AssertReply("result: " + expected);

        await flow.StartTestAsync();
    }

    [Theory]
    [InlineData("1,250.50", "1250.50")]
    [InlineData("$1,250", "1250")]
    [InlineData("twenty-five", "25")]
    public async Task Given_an_English_user_When_they_answer_with_an_amount_Then_it_is_read_as_they_write_it(string answer, string expected)
    {
        var harness = PromptTestBot.For(new NumberPrompt<decimal>("number"), EnglishQuestion);

        await new TestFlow(harness.Adapter("en-US"), harness.Run())
            .Send("hi").AssertReply("How much did you pay?")
            .Send(answer).AssertReply("result: " + expected)
            .StartTestAsync();
    }

    [Fact]
    public async Task Given_a_whole_number_prompt_When_the_user_gives_a_fraction_Then_it_asks_again_in_English()
    {
        var harness = PromptTestBot.For(new NumberPrompt<int>("number"), new PromptOptions { Prompt = Message("How many invoices?") });

        await new TestFlow(harness.Adapter("en-GB"), harness.Run())
            .Send("hi").AssertReply("How many invoices?")
            .Send("2.5").AssertReply("Sorry, I need a number here, for example 1,250.50. How many invoices?")
            .Send("three").AssertReply("result: 3")
            .StartTestAsync();
    }

    [Fact]
    public async Task Given_a_validator_that_explains_itself_When_the_amount_is_not_positive_Then_its_message_replaces_the_retry()
    {
        var attempts = new List<int>();
        var prompt = new NumberPrompt<decimal>("number", async (context, ct) =>
        {
            attempts.Add(context.AttemptCount);
            if (context.Recognized.Succeeded && context.Recognized.Value <= 0)
            {
                await context.Context.SendActivityAsync("Kwota musi być większa od zera.", ct);
                return false;
            }

            return context.Recognized.Succeeded;
        });
        var harness = PromptTestBot.For(prompt, PolishQuestion);

        await new TestFlow(harness.Adapter("pl-PL"), harness.Run())
            .Send("hej").AssertReply("Ile zapłaciłeś?")
            .Send("0").AssertReply("Kwota musi być większa od zera.").AssertNoReply()
            .Send("nie wiem").AssertReply("Przepraszam, potrzebuję tu liczby, na przykład 1 250,50. Ile zapłaciłeś?")
            .Send("100").AssertReply("result: 100")
            .Then(_ =>
            {
                Assert.Equal([1, 2, 3], attempts);
                return Task.CompletedTask;
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Given_a_retry_prompt_from_the_caller_When_the_answer_is_no_number_Then_the_callers_text_is_sent()
    {
        var options = new PromptOptions { Prompt = Message("Ile zapłaciłeś?"), RetryPrompt = Message("Podaj kwotę cyframi, np. 250.") };
        var harness = PromptTestBot.For(new NumberPrompt<decimal>("number"), options);

        await new TestFlow(harness.Adapter("pl-PL"), harness.Run())
            .Send("hej").AssertReply("Ile zapłaciłeś?")
            .Send("sporo").AssertReply("Podaj kwotę cyframi, np. 250.")
            .Send("sporo").AssertReply("Podaj kwotę cyframi, np. 250.")
            .StartTestAsync();
    }

    [Fact]
    public async Task Given_three_attempts_at_most_When_none_is_a_number_Then_the_prompt_gives_up_and_the_caller_can_tell()
    {
        var options = new PromptOptions { Prompt = Message("Ile zapłaciłeś?"), MaxAttempts = 3 };
        var harness = PromptTestBot.For(new NumberPrompt<decimal>("number"), options);

        await new TestFlow(harness.Adapter("pl-PL"), harness.Run())
            .Send("hej").AssertReply("Ile zapłaciłeś?")
            .Send("nie wiem").AssertReply(reply => Assert.StartsWith("Przepraszam", reply.Text, StringComparison.Ordinal))
            .Send("sporo").AssertReply(reply => Assert.StartsWith("Przepraszam", reply.Text, StringComparison.Ordinal))
            .Send("dużo").AssertReply("gave up after 3")
            .AssertNoReply()
            .StartTestAsync();
    }
}
