using System.Diagnostics;
using System.Text;
using System.Text.Json;
using BillingBot.Protocol.Schema;

namespace BillingBot.Protocol.Tests.Schema;

/// <summary>
/// The body of a POST reads as an activity or is refused as malformed JSON, once and for all: what reads is safe for a
/// bot to use. Found by the activity fuzzers (each case here was a mangled Teams payload that got further than it should).
/// </summary>
public sealed class ActivityJsonTests
{
    [Theory]
    [InlineData("""{"value":{"action":"\uD800"}}""")]
    [InlineData("""{"channelData":{"source":"a\uD83D"}}""")]
    [InlineData("""{"text":"\uDC00x"}""")]
    [InlineData("""{"\uD800":1}""")]
    public void A_lone_surrogate_escape_anywhere_in_the_body_is_refused_as_malformed_JSON(string fields)
    {
        var body = Message(fields);

        Assert.Throws<JsonException>(() => ActivityJson.Parse(body));
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_inside_a_submitted_value_are_refused_as_malformed_JSON()
    {
        var body = Message("""{"value":{"action":"showInvoice","invoice":"FV@"}}""");
        body[Array.IndexOf(body, (byte)'@')] = 0xFF;

        Assert.Throws<JsonException>(() => ActivityJson.Parse(body));
    }

    [Fact]
    public void A_valid_surrogate_pair_still_reads()
    {
        var activity = ActivityJson.Parse(Message("""{"text":"\uD83D\uDC4D thanks"}"""))!;

        Assert.Equal("👍 thanks", activity.Text);
    }

    [Fact]
    public void Null_entries_of_the_lists_are_dropped_so_that_a_bot_never_meets_them()
    {
        var activity = ActivityJson.Parse(Message("""{"entities":[null,{"type":"mention","text":"<at>BillingBot</at>","mentioned":{"id":"28:bot"}},null],"attachments":[null],"membersAdded":[null,{"id":"28:bot"}],"membersRemoved":[null]}"""))!;

        Assert.Equal("hi", activity.GetTextWithoutBotMention());
        Assert.True(activity.IsBotAdded());
        Assert.False(activity.IsBotRemoved());
        Assert.Single(activity.Entities!);
        Assert.Empty(activity.Attachments!);
    }

    [Fact]
    public void A_message_of_thousands_of_unclosed_mention_tags_is_read_in_no_time_and_kept_as_written()
    {
        var text = string.Concat(Enumerable.Repeat("<at>x", 12_000));
        var activity = ActivityJson.Parse(Message(JsonSerializer.Serialize(new { text })))!;
        var clock = Stopwatch.StartNew();

        var read = activity.GetTextWithoutBotMention();

        Assert.Equal(text, read);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Mention_tags_are_still_replaced_pairwise_with_the_nearest_closing_tag()
    {
        Assert.Equal("Ewa, Jan and <at>nobody", MentionTags.Replace("<at>Ewa</at>, <AT>Jan</at> and <at>nobody", name => name));
    }

    /// <summary>A message from a user to the bot "28:bot" saying "hi", with the given fields added or replacing its own.</summary>
    private static byte[] Message(string fields)
    {
        var json = """{"type":"message","id":"1","serviceUrl":"https://smba.trafficmanager.net/emea/","channelId":"msteams","from":{"id":"29:anna"},"recipient":{"id":"28:bot","name":"BillingBot"},"conversation":{"id":"a:1x"},"text":"hi",""" + fields[1..];
        return Encoding.UTF8.GetBytes(json);
    }
}
