using BillingBot.App.Tests.Hosting;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Tests.Suspensions;

/// <summary>A staff list or agents' channel that would give a role to the wrong person or drop approvals stops start-up with a message naming the key.</summary>
public sealed class SuspensionStartupTests(BotEnvironment env) : IClassFixture<BotEnvironment>
{
    [Theory]
    [InlineData("Staff:Members:0:ObjectId=0a1b2c3d-1111-4e5f-8a9b-0c1d2e3f4a5b;Staff:Members:0:Name=Ewa;Staff:Members:0:Roles:0=BillingAdmin;Staff:Members:1:ObjectId=0A1B2C3D-1111-4E5F-8A9B-0C1D2E3F4A5B;Staff:Members:1:Name=Jan",
        "Staff:Members lists the object id 0a1b2c3d-1111-4e5f-8a9b-0c1d2e3f4a5b more than once")]
    [InlineData("Staff:Members:0:Name=Ewa;Staff:Members:0:Roles:0=BillingAdmin", "Staff:Members:0:ObjectId is required")]
    [InlineData("Agents:ChannelId=19:abc@thread.tacv2", "Agents:ChannelId needs Agents:TenantId")]
    [InlineData("Agents:TenantId=5f1d2c3b-4a59-4e8d-9c7b-6a5f4e3d2c1b;Agents:ChannelId=General", "Agents:ChannelId 'General' is not a Teams channel id")]
    [InlineData("Agents:TenantId=contoso;Agents:ChannelId=19:abc@thread.tacv2", "Agents:TenantId 'contoso' is not a tenant id")]
    public void A_staff_list_or_agents_channel_that_cannot_be_trusted_stops_start_up(string settings, string expected)
    {
        using var host = new BotHost(env.Azurite, settings: settings.Split(';').Select(s => s.Split('=', 2)).ToDictionary(p => p[0], p => (string?)p[1]));

        var error = Assert.ThrowsAny<Exception>(() => host.CreateHttpClient());

        Assert.Contains(expected, Find(error).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_staff_or_an_agents_channel_the_bot_still_starts()
    {
        using var host = new BotHost(env.Azurite);

        using var http = host.CreateHttpClient();

        Assert.NotNull(http.BaseAddress);
    }

    private static OptionsValidationException Find(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is OptionsValidationException match)
            {
                return match;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.OfType<OptionsValidationException>().FirstOrDefault() is { } inner)
            {
                return inner;
            }
        }

        throw new Xunit.Sdk.XunitException($"No OptionsValidationException in {error}");
    }
}
