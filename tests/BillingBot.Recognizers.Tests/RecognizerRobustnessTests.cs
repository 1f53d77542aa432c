using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BillingBot.Recognizers.Tests;

/// <summary>Whatever a user types, the recognizers answer without throwing and every span points into what was typed.</summary>
public class RecognizerRobustnessTests
{
    private static readonly string[] Pieces =
    [
        "1", "250", "1 250", "\u00A0", "\u202F", ",", ".", "-", "/", ":", "zł", "PLN", "€", "$", "15", "grudnia", "Dec", "december",
        "2026", "jutro", "za", "3", "dni", "next", "Friday", "w", "przyszły", "piątek", "tak", "nie", "no", "koniec", "miesiąca",
        "ŻÓŁĆ", " ", "  ", "th", "k", "tys.", "%", "FV/2026/10/017", "pierwszy", "the", "second", "one", "may", "in", "29", "02",
        "lutego", "\n", "👍", "dwadzieścia", "pięć", "ago", "temu", "end of", "month", "XII", "12/15", "0",
    ];

    private static readonly CultureInfo[] Cultures = [CultureInfo.GetCultureInfo("pl-PL"), CultureInfo.GetCultureInfo("en-US"), CultureInfo.GetCultureInfo("en-GB")];

    private static Arbitrary<(string Text, CultureInfo Culture)> Inputs() =>
        Gen.ListOf(Gen.Elements(Pieces)).Select(pieces => string.Concat(pieces))
            .SelectMany(_ => Gen.Elements(Cultures), (text, culture) => (text, culture))
            .ToArbitrary();

    [Property(MaxTest = 400)]
    public Property Given_any_mix_of_tricky_tokens_When_recognized_Then_every_span_is_the_text_at_its_position() =>
        Prop.ForAll(Inputs(), input =>
        {
            var (text, culture) = input;
            var spans = NumberRecognizer.Recognize(text, culture).Select(n => (n.Index, n.Length, n.Text))
                .Concat(AmountRecognizer.Recognize(text, culture).Select(a => (a.Index, a.Length, a.Text)))
                .Concat(DateRecognizer.Recognize(text, culture, new DateOnly(2026, 11, 25)).Select(d => (d.Index, d.Length, d.Text)));
            BooleanRecognizer.Recognize(text, culture);
            ChoiceRecognizer.Recognize(text, ["Faktury", "Płatności", "Pomoc techniczna"], culture);
            return spans.All(s => s.Index >= 0 && s.Length > 0 && s.Index + s.Length <= text.Length && text.Substring(s.Index, s.Length) == s.Text);
        });

    [Property(MaxTest = 400)]
    public Property Given_any_text_When_folded_Then_it_keeps_its_length_and_has_no_upper_case_letters() =>
        Prop.ForAll(Inputs(), input =>
        {
            var folded = TextFolding.Fold(input.Text);
            return folded.Length == input.Text.Length && !folded.Any(char.IsUpper);
        });

    [Property(MaxTest = 400)]
    public Property Given_any_text_When_dates_are_recognized_Then_they_never_overlap() =>
        Prop.ForAll(Inputs(), input =>
        {
            var dates = DateRecognizer.Recognize(input.Text, input.Culture, new DateOnly(2026, 11, 25));
            return dates.Zip(dates.Skip(1)).All(pair => pair.First.Index + pair.First.Length <= pair.Second.Index);
        });
}
