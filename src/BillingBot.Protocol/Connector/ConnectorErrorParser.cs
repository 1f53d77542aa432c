using System.Text.Json;

namespace BillingBot.Protocol.Connector;

/// <summary>
/// Reads the two error shapes Teams uses: {"error":{"code","message"}} and, for a blocked or uninstalled bot,
/// {"errorCode":209,"message":"&lt;JSON text with subCode&gt;"}.
/// </summary>
internal static class ConnectorErrorParser
{
    public static (string? Code, string? Message) Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                return (GetString(error, "code"), GetString(error, "message"));
            }

            var message = GetString(root, "message");
            if (message is not null && message.TrimStart().StartsWith('{'))
            {
                using var inner = JsonDocument.Parse(message);
                if (inner.RootElement.ValueKind == JsonValueKind.Object)
                {
                    return (GetString(inner.RootElement, "subCode") ?? GetString(inner.RootElement, "code"), GetString(inner.RootElement, "message") ?? message);
                }
            }

            return (root.TryGetProperty("errorCode", out var code) ? code.ToString() : null, message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
