using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BillingBot.App.Tests.Fuzz;

/// <summary>
/// Takes the console, debug and event-source loggers out of a host under fuzzing: thousands of requests would spend
/// most of their time writing log lines nobody reads. The host's <c>TestLogSink</c> (an instance) still gets every line.
/// </summary>
internal static class QuietLogging
{
    public static void Apply(IServiceCollection services)
    {
        foreach (var provider in services.Where(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType is not null).ToList())
        {
            services.Remove(provider);
        }
    }
}
