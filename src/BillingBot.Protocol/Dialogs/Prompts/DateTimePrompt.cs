using BillingBot.Protocol.Schema;
using BillingBot.Protocol.Turns;
using BillingBot.Recognizers;

namespace BillingBot.Protocol.Dialogs;

/// <summary>
/// Asks for a date ("jutro", "15 grudnia", "w przyszły piątek", "za październik", "12/15/2026") and returns the
/// first one found, with its granularity (a day, or a whole month). "Today" is the date in the user's time zone:
/// the activity's localTimezone when Teams sends a known one, else <paramref name="timeZone"/>; the clock is
/// <paramref name="timeProvider"/>.
/// </summary>
public class DateTimePrompt(string dialogId, TimeProvider timeProvider, TimeZoneInfo timeZone, PromptValidator<RecognizedDate>? validator = null)
    : Prompt<RecognizedDate>(dialogId, validator)
{
    /// <summary>How a date without a year, a bare weekday or a month is resolved; the future unless set.</summary>
    public DatePreference Preference { get; set; } = DatePreference.Future;

    /// <summary>Today's date in the user's time zone.</summary>
    public DateOnly TodayFor(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var zone = activity.LocalTimezone is { Length: > 0 } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var local) ? local : timeZone;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), zone).DateTime);
    }

    protected override Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        return turnContext.SendActivityAsync(MessageFor(options, isRetry, CultureOf(turnContext), PromptTexts.RetryDate), cancellationToken);
    }

    protected override Task<PromptRecognizerResult<RecognizedDate>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var dates = DateRecognizer.Recognize(activity.GetTextWithoutBotMention(), CultureOf(turnContext), TodayFor(activity), Preference);
        return Task.FromResult(dates.Count > 0 ? new PromptRecognizerResult<RecognizedDate>(dates[0]) : new PromptRecognizerResult<RecognizedDate>());
    }
}
