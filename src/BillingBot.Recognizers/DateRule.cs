using System.Text.RegularExpressions;

namespace BillingBot.Recognizers;

/// <summary>
/// One way of writing a date: a pattern on folded text and how a match becomes a date, or nothing when it names no
/// real day ("31 kwietnia"); such a match still hides shorter readings inside it. <see cref="AppliesTo"/> turns a rule
/// off for a culture.
/// </summary>
internal sealed record DateRule(Regex Pattern, Func<Match, DateContext, (DateOnly Date, DateGranularity Granularity)?> Resolve, Func<DateContext, bool>? AppliesTo = null);
