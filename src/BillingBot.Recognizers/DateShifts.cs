using System.Text.RegularExpressions;

namespace BillingBot.Recognizers;

/// <summary>Reads the shift captured by <see cref="DateVocabulary.Modifier"/>.</summary>
internal static class DateShifts
{
    public static DateShift Of(Match match) =>
        match.Groups["next"].Success ? DateShift.Next
        : match.Groups["last"].Success ? DateShift.Last
        : match.Groups["this"].Success ? DateShift.This
        : DateShift.None;

    public static int Offset(this DateShift shift) => shift switch
    {
        DateShift.Next => 1,
        DateShift.Last => -1,
        _ => 0,
    };
}
