using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using BillingBot.TestKit.Azurite;

namespace BillingBot.Storage.Tests.Azurite;

public sealed class AzuriteFixtureTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    // Fixed timeout so a broken fixture fails the test instead of hanging it; Connection: close
    // (per request) so a pooled connection from before a restart is never reused.
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task Started_fixture_answers_http_as_azurite()
    {
        Assert.True(azurite.IsRunning);
        Assert.InRange(azurite.Port, 1, 65535);

        using var response = await GetTablesAsync(azurite);

        // Unsigned requests are refused, but any HTTP answer proves the service is up.
        Assert.Contains(response.Headers.Server, product => product.Product?.Name?.StartsWith("Azurite", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Connection_string_points_at_the_fixture_port()
    {
        Assert.Equal(
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + $"TableEndpoint=http://127.0.0.1:{azurite.Port}/devstoreaccount1;",
            azurite.ConnectionString);
    }

    [Fact]
    public async Task Connection_string_credentials_authenticate_against_azurite()
    {
        // Guards the account key: a mistyped key still "works" for anonymous probes (403 either
        // way) and only fails once a real client signs a request.
        var settings = azurite.ConnectionString
            .Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        var accountName = settings["AccountName"];
        var key = Convert.FromBase64String(settings["AccountKey"]);
        var tables = new Uri($"{settings["TableEndpoint"]}/Tables");

        // Table service Shared Key Lite: HMAC-SHA256 over "date\n/{account}{path}".
        var date = DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture);
        var signature = Convert.ToBase64String(
            HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{date}\n/{accountName}{tables.AbsolutePath}")));
        using var request = new HttpRequestMessage(HttpMethod.Get, tables);
        request.Headers.ConnectionClose = true;
        request.Headers.Add("x-ms-date", date);
        request.Headers.Add("x-ms-version", "2019-02-02");
        request.Headers.Add("Accept", "application/json;odata=nometadata");
        request.Headers.TryAddWithoutValidation("Authorization", $"SharedKeyLite {accountName}:{signature}");

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Stop_refuses_connections_and_start_answers_again_on_the_same_port()
    {
        // Its own instance: stopping the shared class fixture would race the other tests.
        await using var own = new AzuriteFixture();
        await own.InitializeAsync();
        var port = own.Port;
        using (await GetTablesAsync(own))
        {
        }

        await own.StopAsync();

        Assert.False(own.IsRunning);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => GetTablesAsync(own));
        Assert.Equal(HttpRequestError.ConnectionError, refused.HttpRequestError);

        await own.StartAsync();

        Assert.True(own.IsRunning);
        Assert.Equal(port, own.Port);
        using (await GetTablesAsync(own))
        {
        }
    }

    [Theory]
    [InlineData(AzuritePersistence.Memory, false)]
    [InlineData(AzuritePersistence.Disk, true)]
    public async Task A_restart_keeps_the_rows_only_on_disk(AzuritePersistence persistence, bool kept)
    {
        await using var own = new AzuriteFixture { Persistence = persistence };
        await own.InitializeAsync();
        var table = new TableClient(own.ConnectionString, "Kept");
        await table.CreateAsync();
        // Written just before the stop: a disk fixture must save it then, not at Azurite's next periodic save.
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Value"] = 42 });

        await own.StopAsync();
        await own.StartAsync();

        var found = await new TableClient(own.ConnectionString, "Kept").GetEntityIfExistsAsync<TableEntity>("p", "r");
        Assert.Equal(kept, found.HasValue);
        if (kept)
        {
            Assert.Equal(42, found.Value!.GetInt32("Value"));
        }
    }

    [Fact]
    public async Task Dispose_kills_azurite()
    {
        var own = new AzuriteFixture();
        await own.InitializeAsync();
        var port = own.Port;

        await own.DisposeAsync();

        var refused = await Assert.ThrowsAsync<HttpRequestException>(
            () => Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/") { Headers = { ConnectionClose = true } }));
        Assert.Equal(HttpRequestError.ConnectionError, refused.HttpRequestError);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => own.StartAsync());
    }

    private static Task<HttpResponseMessage> GetTablesAsync(AzuriteFixture fixture)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"{fixture.TableEndpoint}/Tables")
        {
            Headers = { ConnectionClose = true },
        };
        return Http.SendAsync(request);
    }
}
