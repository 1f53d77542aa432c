namespace BillingBot.EndToEnd.Tests;

/// <summary>Where a scenario runs in the class (see <see cref="ScenarioOrderer"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ScenarioOrderAttribute(int order) : Attribute
{
    public int Order { get; } = order;
}
