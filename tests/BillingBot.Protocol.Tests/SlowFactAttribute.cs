namespace BillingBot.Protocol.Tests;

/// <summary>A fact that runs only when BILLINGBOT_SLOW_TESTS=1, for runs that take minutes; otherwise it shows as skipped.</summary>
public sealed class SlowFactAttribute : FactAttribute
{
    public const string Variable = "BILLINGBOT_SLOW_TESTS";

    public SlowFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"Takes minutes: set {Variable}=1 to run it.";
        }
    }
}
