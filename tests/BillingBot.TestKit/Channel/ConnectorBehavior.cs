using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace BillingBot.TestKit.Channel;

/// <summary>The fake connector's normal (unscripted) behaviour and its member directory.</summary>
internal sealed class ConnectorBehavior
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<JsonObject>> _members = new(StringComparer.Ordinal);

    // Teams activity ids are millisecond timestamps; counting up from one keeps them unique and ordered.
    private long _lastActivityId = 1_732_500_000_000;

    public static JsonObject Error(string code, string message) =>
        new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    public void AddMember(string conversationId, JsonObject account)
    {
        lock (_gate)
        {
            if (!_members.TryGetValue(conversationId, out var members))
            {
                members = [];
                _members[conversationId] = members;
            }

            members.Add(account);
        }
    }

    public ConnectorAnswer Answer(ConnectorRoute route, JsonNode? body) => route.Operation switch
    {
        ConnectorOperation.CreateConversation => CreateConversation(body),
        ConnectorOperation.SendToConversation or ConnectorOperation.ReplyToActivity => body is JsonObject
            ? new ConnectorAnswer(StatusCodes.Status201Created, new JsonObject { ["id"] = NewActivityId() }, route.ConversationId, body)
            : BadSyntax("The activity body is missing or not a JSON object."),
        ConnectorOperation.UpdateActivity => body is JsonObject
            ? new ConnectorAnswer(StatusCodes.Status200OK, new JsonObject { ["id"] = route.ActivityId }, route.ConversationId, body)
            : BadSyntax("The activity body is missing or not a JSON object."),
        ConnectorOperation.DeleteActivity => new ConnectorAnswer(StatusCodes.Status200OK, null, route.ConversationId, null),
        ConnectorOperation.GetMember => GetMember(route.ConversationId!, route.MemberId!),
        _ => new ConnectorAnswer(
            StatusCodes.Status404NotFound,
            Error("NotFound", "The fake Teams channel does not implement this operation."),
            route.ConversationId,
            null),
    };

    private static ConnectorAnswer BadSyntax(string message) =>
        new(StatusCodes.Status400BadRequest, Error("BadSyntax", message), null, null);

    private static ConnectorAnswer BadArgument(string message) =>
        new(StatusCodes.Status400BadRequest, Error("BadArgument", message), null, null);

    private static string? StringAt(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private string NewActivityId() =>
        Interlocked.Increment(ref _lastActivityId).ToString(CultureInfo.InvariantCulture);

    private ConnectorAnswer CreateConversation(JsonNode? body)
    {
        if (body is not JsonObject parameters)
        {
            return BadSyntax("The conversation parameters are missing or not a JSON object.");
        }

        var isGroup = parameters["isGroup"] is JsonValue flag && flag.TryGetValue<bool>(out var group) && group;
        var activity = parameters["activity"] as JsonObject;
        if (isGroup)
        {
            // Teams creates group conversations only as channel threads; group chats are refused.
            var channelId = StringAt(parameters["channelData"]?["channel"]?["id"]);
            if (channelId is null)
            {
                return BadSyntax("Incorrect conversation creation parameters");
            }

            if (activity is null)
            {
                return BadArgument("Creating a channel thread requires an activity.");
            }

            var rootId = NewActivityId();
            var threadId = $"{channelId};messageid={rootId}";
            return new ConnectorAnswer(
                StatusCodes.Status201Created,
                new JsonObject { ["id"] = threadId, ["activityId"] = rootId },
                threadId,
                activity.DeepClone());
        }

        var members = parameters["members"] as JsonArray;
        var memberId = members is [JsonObject member] ? StringAt(member["id"]) : null;
        var tenantId = StringAt(parameters["tenantId"]) ?? StringAt(parameters["channelData"]?["tenant"]?["id"]);
        if (memberId is null)
        {
            return BadArgument("A one-on-one conversation needs exactly one member with an id.");
        }

        if (tenantId is null)
        {
            return BadArgument("A one-on-one conversation needs the tenant id.");
        }

        var conversationId = FakeTeamsChannel.PersonalConversationId(tenantId, memberId);
        var answer = new JsonObject { ["id"] = conversationId };
        if (activity is not null)
        {
            answer["activityId"] = NewActivityId();
        }

        return new ConnectorAnswer(StatusCodes.Status201Created, answer, conversationId, activity?.DeepClone());
    }

    private ConnectorAnswer GetMember(string conversationId, string memberId)
    {
        JsonObject? found;
        lock (_gate)
        {
            // Teams looks members up by their 29: id or by their Entra object id.
            found = _members.GetValueOrDefault(conversationId)?.LastOrDefault(m =>
                StringAt(m["id"]) == memberId
                || string.Equals(StringAt(m["aadObjectId"]), memberId, StringComparison.OrdinalIgnoreCase));
        }

        return found is null
            ? new ConnectorAnswer(
                StatusCodes.Status404NotFound,
                Error("MemberNotFoundInConversation", "The member is not found in the conversation."),
                conversationId,
                null)
            : new ConnectorAnswer(StatusCodes.Status200OK, found.DeepClone(), conversationId, null);
    }
}
