using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using BillingBot.App.Tests.Hosting;

namespace BillingBot.App.Tests.Security;

/// <summary>
/// Oversized and pathological bodies are refused before they are read in full, and the bot keeps answering: a huge
/// Content-Length with no body behind it, a chunked body that never ends, JSON nested deeper than any activity, and a
/// message text longer than any Teams message (a Teams-sized one is answered). (A body over the limit with its length, or chunked, is in
/// MessagingEndpointTests.) Raw sockets, so the test decides what is sent and when.
/// </summary>
public sealed class OversizedPayloadTests : BotHostTestBase
{
    private const int Limit = 256 * 1024;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public OversizedPayloadTests(BotEnvironment env)
        : base(env, new BotHost(env.Azurite))
    {
    }

    [Fact]
    public async Task A_huge_Content_Length_is_refused_with_413_before_any_of_the_body_is_sent()
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, $"POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {100L * 1024 * 1024}\r\n\r\n{{\"type\":");

        var answer = await ReadStatusLineAsync(socket);

        Assert.StartsWith("HTTP/1.1 413", answer, StringComparison.Ordinal);
        await AssertStillAnswersAsync();
    }

    [Fact]
    public async Task A_chunked_body_that_never_ends_is_refused_with_413_after_little_more_than_the_limit()
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, "POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        var chunk = Encoding.ASCII.GetBytes($"{16 * 1024:x}\r\n{new string(' ', 16 * 1024)}\r\n");
        var sent = 0L;
        var reading = ReadStatusLineAsync(socket);

        // A client that would send forever; it stops when the bot answers (or after 64 MB, which would be a failure).
        while (!reading.IsCompleted && sent < 64L * 1024 * 1024)
        {
            try
            {
                await socket.SendAsync(chunk, SocketFlags.None);
            }
            catch (SocketException)
            {
                break;
            }

            sent += chunk.Length;
        }

        var answer = await reading;
        Assert.StartsWith("HTTP/1.1 413", answer, StringComparison.Ordinal);
        // Socket buffers hold some of what was sent after the bot stopped reading; a body read in full would be 64 MB.
        Assert.True(sent < 16L * 1024 * 1024, $"{sent} bytes were sent before the bot answered");
        await AssertStillAnswersAsync();
    }

    [Theory]
    [InlineData("value", 5000)]
    [InlineData("channelData", 200)]
    [InlineData("entities", 100)]
    public async Task JSON_nested_deeper_than_any_activity_gets_400_and_nothing_is_sent(string property, int depth)
    {
        var conversation = Activities.NewConversationId();
        var nested = new StringBuilder();
        nested.Append(Activities.Message(Env.Channel.ServiceUrl, conversation, "help").ToJsonString()[..^1]);
        nested.Append($",\"{property}\":").Append(string.Concat(Enumerable.Repeat("{\"a\":[", depth))).Append('1').Append(string.Concat(Enumerable.Repeat("]}", depth))).Append('}');

        using var response = await Http.PostAsync("/api/messages", new StringContent(nested.ToString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Env.RequestsTo(conversation));
        await AssertStillAnswersAsync();
    }

    [Fact]
    public async Task A_text_longer_than_any_Teams_message_gets_413_before_a_turn_and_the_bot_keeps_answering()
    {
        var conversation = Activities.NewConversationId();
        var words = string.Join(' ', Enumerable.Repeat("faktura ile zaplacic invoice how much", 7000));

        using var response = await Host.PostActivityAsync(Http, Activities.Message(Env.Channel.ServiceUrl, conversation, words[..(Limit - 4096)]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(Env.RequestsTo(conversation));
        await AssertStillAnswersAsync();
    }

    [Fact]
    public async Task A_text_as_long_as_a_Teams_message_can_be_is_answered()
    {
        var conversation = Activities.NewConversationId();
        var words = string.Join(' ', Enumerable.Repeat("faktura ile zaplacic invoice how much", 1000));

        using var response = await Host.PostActivityAsync(Http, Activities.Message(Env.Channel.ServiceUrl, conversation, words[..(28 * 1024)]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(Env.RequestsTo(conversation));
    }

    private async Task AssertStillAnswersAsync()
    {
        var conversation = Activities.NewConversationId();
        using var response = await Host.PostActivityAsync(Http, Activities.Message(Env.Channel.ServiceUrl, conversation, "help"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Env.TextsSentTo(conversation), t => t.Contains("Here is what you can ask me", StringComparison.Ordinal));
    }

    private async Task<Socket> ConnectAsync()
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, Host.BaseAddress.Port);
        return socket;
    }

    private static async Task SendAsync(Socket socket, string text) => await socket.SendAsync(Encoding.ASCII.GetBytes(text), SocketFlags.None);

    private static async Task<string> ReadStatusLineAsync(Socket socket)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var buffer = new byte[4096];
        var received = new StringBuilder();
        while (!received.ToString().Contains("\r\n", StringComparison.Ordinal))
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            if (read == 0)
            {
                break;
            }

            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return received.ToString();
    }
}
