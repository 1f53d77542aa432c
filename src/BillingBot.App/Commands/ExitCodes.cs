namespace BillingBot.App.Commands;

/// <summary>The exit codes of the app's commands.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int Cancelled = 130;
}
