using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BillingBot.Protocol.Schema;

namespace BillingBot.Protocol.Tests.Schema;

public class ActivityRoundTripTests
{
    public static TheoryData<string> TeamsPayloads => new()
    {
        "personal-message", "channel-mention", "group-chat", "conversation-update-team",
        "installation-update-add", "installation-update-remove", "invoke-adaptive-card-action", "action-submit",
    };

    public static TheoryData<int> PlaygroundLines =>
        [.. Enumerable.Range(0, Fixture.PlaygroundActivities().Count())];

    [Theory]
    [MemberData(nameof(TeamsPayloads))]
    public void A_Teams_payload_survives_a_round_trip_field_for_field(string name)
    {
        var original = Fixture.Teams(name);

        var activity = JsonSerializer.Deserialize<Activity>(original, ProtocolJson.Options)!;
        var written = JsonSerializer.Serialize(activity, ProtocolJson.Options);

        AssertSameJson(JsonNode.Parse(original)!, JsonNode.Parse(written)!, "$");
    }

    [Theory]
    [MemberData(nameof(PlaygroundLines))]
    public void What_the_Agents_Playground_posted_survives_a_round_trip(int line)
    {
        var original = Fixture.PlaygroundActivities().ElementAt(line);

        var written = JsonSerializer.Serialize(JsonSerializer.Deserialize<Activity>(original, ProtocolJson.Options), ProtocolJson.Options);

        AssertSameJson(JsonNode.Parse(original)!, JsonNode.Parse(written)!, "$");
    }

    [Fact]
    public void Every_field_Teams_sends_is_read_into_its_typed_property()
    {
        var message = Read("channel-mention");
        Assert.Equal(ActivityTypes.Message, message.Type);
        Assert.Equal("1732526401000", message.Id);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 9, 20, 1, TimeSpan.Zero), message.Timestamp);
        Assert.Equal(TimeSpan.FromHours(1), message.LocalTimestamp!.Value.Offset);
        Assert.Equal("Europe/Warsaw", message.LocalTimezone);
        Assert.Equal("https://smba.trafficmanager.net/emea/", message.ServiceUrl);
        Assert.Equal("msteams", message.ChannelId);
        Assert.Equal("0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6", message.From!.AadObjectId);
        Assert.Equal("BillingBot", message.Recipient!.Name);
        Assert.Equal("channel", message.Conversation!.ConversationType);
        Assert.True(message.Conversation.IsGroup);
        Assert.Equal("Billing escalations", message.Conversation.Name);
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", message.Conversation.TenantId);
        Assert.Equal("plain", message.TextFormat);
        Assert.Equal("en-US", message.Locale);
        Assert.Equal("Partner Support", message.ChannelData!.Team!.Name);
        Assert.Equal("a1b2c3d4-0000-4000-8000-000000000001", message.ChannelData.Team.AadGroupId);
        Assert.Equal("19:e1c2a3b4d5@thread.tacv2", message.ChannelData.Channel!.Id);
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", message.GetTenantId());
        var mention = Assert.Single(message.GetMentions());
        Assert.Equal("<at>BillingBot</at>", mention.Text);
        Assert.Equal("Web", message.Entities!.Single(e => e.Type == Entity.ClientInfoType).Platform);

        var install = Read("conversation-update-team");
        Assert.True(install.IsBotAdded());
        Assert.Equal("teamMemberAdded", install.ChannelData!.EventType);
        Assert.Equal("19:e1c2a3b4d5@thread.tacv2", install.ChannelData.Settings!.SelectedChannel!.Id);

        Assert.Equal("remove", Read("installation-update-remove").Action);
    }

    [Fact]
    public void An_invoke_carries_its_name_and_the_Action_Execute_payload()
    {
        var invoke = Read("invoke-adaptive-card-action");

        Assert.Equal(ActivityTypes.Invoke, invoke.Type);
        Assert.Equal("adaptiveCard/action", invoke.Name);
        var value = invoke.GetValueElement()!.Value;
        Assert.Equal("reminder.snooze", value.GetProperty("action").GetProperty("verb").GetString());
        Assert.Equal(3, value.GetProperty("action").GetProperty("data").GetProperty("days").GetInt32());
        Assert.Equal("manual", value.GetProperty("trigger").GetString());
    }

    [Fact]
    public void An_Action_Submit_arrives_as_a_message_with_a_value_and_no_text()
    {
        var submit = Read("action-submit");

        Assert.Null(submit.Text);
        Assert.Equal("1732525999000", submit.ReplyToId);
        Assert.Equal("invoice.show", submit.GetValueElement()!.Value.GetProperty("action").GetString());
        Assert.True(submit.Properties!.ContainsKey("futureField"));
    }

    [Theory]
    [InlineData("channel-mention", "show invoice FV/2026/10/017")]
    [InlineData("group-chat", "ile jestem winien?")]
    [InlineData("personal-message", "czy faktura FV/2026/10/017 jest opłacona?")]
    public void The_bot_mention_is_stripped_before_understanding(string name, string expected)
    {
        Assert.Equal(expected, Read(name).GetTextWithoutBotMention());
    }

    [Fact]
    public void The_playground_mentions_are_stripped_too()
    {
        var texts = Fixture.PlaygroundActivities()
            .Select(json => JsonSerializer.Deserialize<Activity>(json, ProtocolJson.Options)!)
            .Where(a => a.GetMentions().Any())
            .Select(a => a.GetTextWithoutBotMention())
            .ToList();

        Assert.NotEmpty(texts);
        Assert.All(texts, text => Assert.Equal("invoices", text));
    }

    [Fact]
    public void A_mention_of_someone_else_keeps_their_name_and_a_stray_tag_naming_the_bot_is_removed()
    {
        var activity = new Activity
        {
            Text = "<at>@BillingBot</at> ask <at>Piotr Nowak</at> about FV/1",
            Recipient = new ChannelAccount("28:bot", "BillingBot"),
            Entities = [new Entity { Type = Entity.MentionType, Mentioned = new ChannelAccount("28:bot", "BillingBot"), Text = "<at>BillingBot</at>" }],
        };

        Assert.Equal("ask Piotr Nowak about FV/1", activity.GetTextWithoutBotMention());
    }

    [Fact]
    public void A_reply_is_addressed_from_the_bot_to_the_sender_in_the_same_conversation()
    {
        var incoming = Read("personal-message");

        var reply = ActivityExtensions.CreateMessage("ok").ApplyConversationReference(incoming.GetConversationReference());

        Assert.Equal(incoming.Recipient!.Id, reply.From!.Id);
        Assert.Equal(incoming.From!.Id, reply.Recipient!.Id);
        Assert.Equal(incoming.Conversation!.Id, reply.Conversation!.Id);
        Assert.Equal(incoming.ServiceUrl, reply.ServiceUrl);
        Assert.Equal(incoming.Id, reply.ReplyToId);
    }

    private static Activity Read(string name) => JsonSerializer.Deserialize<Activity>(Fixture.Teams(name), ProtocolJson.Options)!;

    // Dates may be re-spelled (Z vs +00:00, trailing digits) but must name the same instant and offset.
    private static void AssertSameJson(JsonNode expected, JsonNode actual, string path)
    {
        switch (expected)
        {
            case JsonObject expectedObject:
                var actualObject = Assert.IsType<JsonObject>(actual);
                Assert.True(
                    expectedObject.Select(p => p.Key).Order().SequenceEqual(actualObject.Select(p => p.Key).Order()),
                    $"{path}: fields differ: expected [{string.Join(", ", expectedObject.Select(p => p.Key))}], got [{string.Join(", ", actualObject.Select(p => p.Key))}]");
                foreach (var (key, value) in expectedObject)
                {
                    AssertSameJson(value!, actualObject[key]!, $"{path}.{key}");
                }

                break;
            case JsonArray expectedArray:
                var actualArray = Assert.IsType<JsonArray>(actual);
                Assert.Equal(expectedArray.Count, actualArray.Count);
                for (var i = 0; i < expectedArray.Count; i++)
                {
                    AssertSameJson(expectedArray[i]!, actualArray[i]!, $"{path}[{i}]");
                }

                break;
            default:
                if (expected.GetValueKind() == JsonValueKind.String && path.EndsWith("imestamp", StringComparison.Ordinal))
                {
                    var e = DateTimeOffset.Parse(expected.GetValue<string>(), CultureInfo.InvariantCulture);
                    var a = DateTimeOffset.Parse(actual.GetValue<string>(), CultureInfo.InvariantCulture);
                    Assert.Equal(e, a);
                    Assert.Equal(e.Offset, a.Offset);
                }
                else
                {
                    Assert.True(JsonNode.DeepEquals(expected, actual), $"{path}: expected {expected.ToJsonString()}, got {actual.ToJsonString()}");
                }

                break;
        }
    }
}
