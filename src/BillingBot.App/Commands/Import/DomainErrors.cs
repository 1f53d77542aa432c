namespace BillingBot.App.Commands.Import;

/// <summary>The domain's refusals, worded for a row report (without the parameter name .NET appends).</summary>
internal static class DomainErrors
{
    public static string Describe(ArgumentException error)
    {
        var message = error.Message;
        var parameter = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        message = parameter >= 0 ? message[..parameter] : message;
        return message.Split('\n')[0].Trim().TrimEnd('.');
    }
}
