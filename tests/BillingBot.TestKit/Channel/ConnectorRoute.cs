namespace BillingBot.TestKit.Channel;

/// <summary>A connector request path decoded into its operation and unescaped ids.</summary>
internal sealed record ConnectorRoute(
    ConnectorOperation Operation,
    string? ConversationId,
    string? ActivityId,
    string? MemberId)
{
    private static readonly ConnectorRoute UnknownRoute = new(ConnectorOperation.Unknown, null, null, null);

    /// <param name="method">HTTP method.</param>
    /// <param name="relativePath">Raw path relative to the service URL, e.g. <c>v3/conversations/a%3A1/activities</c>.</param>
    public static ConnectorRoute Parse(string method, string relativePath)
    {
        // Split the raw path so an escaped '/' inside an id cannot shift the segments, then unescape
        // each segment: bots must escape ':' '@' ';' but unescaped ids must work the same.
        var segments = relativePath.Split('/');
        if (segments.Length < 2 || !Is(segments[0], "v3") || !Is(segments[1], "conversations"))
        {
            return UnknownRoute;
        }

        if (segments.Length == 2)
        {
            return HttpMethodIs(method, "POST")
                ? UnknownRoute with { Operation = ConnectorOperation.CreateConversation }
                : UnknownRoute;
        }

        var conversationId = Uri.UnescapeDataString(segments[2]);
        var collection = segments.Length > 3 ? segments[3].ToLowerInvariant() : null;
        var item = segments.Length == 5 ? Uri.UnescapeDataString(segments[4]) : null;
        var operation = (segments.Length, collection, method.ToUpperInvariant()) switch
        {
            (4, "activities", "POST") => ConnectorOperation.SendToConversation,
            (5, "activities", "POST") => ConnectorOperation.ReplyToActivity,
            (5, "activities", "PUT") => ConnectorOperation.UpdateActivity,
            (5, "activities", "DELETE") => ConnectorOperation.DeleteActivity,
            (5, "members", "GET") => ConnectorOperation.GetMember,
            _ => ConnectorOperation.Unknown,
        };
        return new ConnectorRoute(
            operation,
            conversationId,
            collection == "activities" ? item : null,
            collection == "members" ? item : null);
    }

    private static bool Is(string segment, string expected) =>
        string.Equals(segment, expected, StringComparison.OrdinalIgnoreCase);

    private static bool HttpMethodIs(string method, string expected) =>
        string.Equals(method, expected, StringComparison.OrdinalIgnoreCase);
}
