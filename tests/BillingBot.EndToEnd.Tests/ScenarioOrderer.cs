using Xunit.Abstractions;
using Xunit.Sdk;

namespace BillingBot.EndToEnd.Tests;

/// <summary>
/// Runs the scenarios in the order of their <see cref="ScenarioOrderAttribute"/>. They share one bot and one Playground,
/// and a Playground conversation is the same on every page: the scenarios on the install page go first, while it holds
/// only the welcome and the reminders, and the hand-off, which picks the agents' channel, goes last.
/// </summary>
public sealed class ScenarioOrderer : ITestCaseOrderer
{
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases.OrderBy(c => Order(c)).ThenBy(c => c.TestMethod.Method.Name, StringComparer.Ordinal);

    private static int Order(ITestCase testCase) =>
        testCase.TestMethod.Method.GetCustomAttributes(typeof(ScenarioOrderAttribute).AssemblyQualifiedName)
            .Select(a => a.GetConstructorArguments().Cast<int>().Single())
            .DefaultIfEmpty(int.MaxValue)
            .First();
}
