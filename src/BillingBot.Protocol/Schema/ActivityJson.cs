using System.Text.Json;

namespace BillingBot.Protocol.Schema;

/// <summary>
/// Reads the body of a POST to the messaging endpoint. Any body either reads as an activity (null for the JSON
/// literal null) or is refused with a <see cref="JsonException"/>: not JSON, nested deeper than
/// <see cref="ProtocolJson.Options"/> allows, fields of the wrong type, or text that is not valid UTF-16 once its escapes
/// are read (a lone surrogate such as "\uD800" would otherwise surface later, wherever a bot reads that string).
/// Null entries of the activity's lists (entities, attachments, members) carry nothing and are dropped, so a bot
/// never meets them.
/// </summary>
public static class ActivityJson
{
    /// <summary>The activity in <paramref name="utf8Json"/>; throws <see cref="JsonException"/> when it is not one.</summary>
    public static Activity? Parse(ReadOnlySpan<byte> utf8Json)
    {
        EnsureValidText(utf8Json);
        var activity = JsonSerializer.Deserialize<Activity>(utf8Json, ProtocolJson.Options);
        if (activity is not null)
        {
            activity.Entities = WithoutNulls(activity.Entities);
            activity.Attachments = WithoutNulls(activity.Attachments);
            activity.MembersAdded = WithoutNulls(activity.MembersAdded);
            activity.MembersRemoved = WithoutNulls(activity.MembersRemoved);
        }

        return activity;
    }

    /// <summary>Reads every name and string once, so that bytes that are not UTF-8, or escapes that do not decode to UTF-16, fail here.</summary>
    private static void EnsureValidText(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = ProtocolJson.Options.MaxDepth });
        while (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.PropertyName or JsonTokenType.String))
            {
                continue;
            }

            if (!reader.ValueIsEscaped)
            {
                if (!System.Text.Unicode.Utf8.IsValid(reader.ValueSpan))
                {
                    throw new JsonException($"The JSON text at byte {reader.TokenStartIndex} is not valid UTF-8.", null, null, reader.TokenStartIndex);
                }

                continue;
            }

            try
            {
                _ = reader.GetString();
            }
            catch (InvalidOperationException ex)
            {
                throw new JsonException($"The JSON text at byte {reader.TokenStartIndex} is not valid UTF-16 once unescaped.", null, null, reader.TokenStartIndex, ex);
            }
        }
    }

    private static List<T>? WithoutNulls<T>(IList<T>? items)
        where T : class =>
        items is null ? null : [.. items.Where(item => item is not null)];
}
