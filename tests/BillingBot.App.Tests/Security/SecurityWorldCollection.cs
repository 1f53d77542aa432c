namespace BillingBot.App.Tests.Security;

/// <summary>The security tests that share one seeded <see cref="TwoInstanceWorld"/> (seeding once keeps the suite quick).</summary>
[CollectionDefinition(Name)]
public sealed class SecurityWorldCollection : ICollectionFixture<TwoInstanceWorld>
{
    public const string Name = "Security world";
}
