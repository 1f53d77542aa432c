using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BillingBot.TestKit.Fuzz;

/// <summary>
/// Applies <see cref="JsonMutation"/>s to a JSON payload: first those on values of its tree (in order; each picks its
/// target among the values there are then), then it is written as UTF-8 and the byte-level ones run. Raw text that a
/// JSON tree cannot hold (invalid JSON, lone surrogate escapes, deep nesting, a field written twice) goes in through
/// placeholders replaced after writing.
/// </summary>
public static class JsonMutator
{
    private static readonly JsonSerializerOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] OddStrings =
    [
        "", " ", "\t\r\n", "\u0000", "\u202Eevil\u202C", "\u200B\u200C\u200D\u2060\uFEFF", "مرحبا، كم أدين؟", "שלום",
        "a\u0301\u0302\u0303\u0304\u0305", "👩‍👩‍👧‍👦🏳️‍🌈", "\uFFFD\uFFFE\uFFFF", "\u0085\u2028\u2029", "<at>BillingBot</at>",
        "<at></at><at>", "%00%2e%2e%2f", "../../etc/passwd", "'; DROP TABLE Billing;--", "{{user}}", "${jndi:ldap://x}",
        "=cmd|' /C calc'!A0", "ŻÓŁĆ ąęśźń", "ＦＶ／２０２６／１０／０１７", "١٢٣٤٥", "\\", "\"", "null", "true", "0", "-1",
        "1e309", "\r\n\r\n\r\n", "İıŞ", "<script>alert(1)</script>", "|", "%7C", "a|b|c", "\u001B[31mred",
    ];

    private static readonly string[] OddCharacters =
    [
        "\u202E", "\u200F", "\u200B", "\u200D", "\uFEFF", "\u0301", "\u0000", "\u001B", "\u2028", "\u00A0", "\u3000", "İ",
        "😀", "👍🏽", "\u0007", "|", "%", "/", "'", "#", "?", "\\",
    ];

    private static readonly string[] WrongTokens =
    [
        "message", "Message", "MESSAGE", "invoke", "conversationUpdate", "installationUpdate", "messageReaction", "typing",
        "event", "endOfConversation", "messageUpdate", "messageDelete", "invokeResponse", "trace", "handoff", "unknownType",
        "reminder.paid", "reminder.later", "suspension.approve", "ticket.resolve", "handoff.accept", "payment.confirm",
        "agentschannel.use", "reminder.", "ticket", "x.y.z", "adaptiveCard/action", "composeExtension/query", "task/fetch",
        "signin/verifyState", "fileConsent/invoke", "config/fetch", "pl", "pl-PL", "PL-pl", "en", "en-GB", "de-DE", "xx-XX",
        "zh-Hans-CN-u-nu-hanidec", "i-klingon", "en_US", "pl-PL-x-custom", "not a date", "2026-13-45T99:99:99Z",
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999+14:00", "2026-11-25", "1732525964123",
        "2026-11-25T09:12:44+25:00", "https://smba.trafficmanager.net/emea/", "https://smba.trafficmanager.net.evil.example/",
        "ftp://example.com/", "javascript:alert(1)", "file:///etc/passwd", "//no-scheme", "http://", "29:", "a:1",
        "28:4a1b2c3d-0000-4000-8000-00000000b07a", "19:x@thread.tacv2;messageid=", "00000000-0000-0000-0000-000000000000",
        "72f988bf-86f1-41af-91ab-2d7cd011db47", "personal", "channel", "groupChat", "Personal", "add", "remove",
        "add-upgrade", "remove-upgrade", "ADD", "manual", "automatic", "application/vnd.microsoft.card.adaptive",
        "Action.Execute", "Action.Submit", "mention", "clientInfo", "FV/2026/10/017", "FV/2026/10/999", "fv 2026-10-17",
        "showInvoice", "talkToPerson", "listInvoices", "howToPay", "collectionPolicy", "notUnderstood",
    ];

    private static readonly string[] RetypeValues =
    [
        "0", "-1", "1.5", "1e308", "-1e-308", "9007199254740993", "true", "false", "[]", "{}", "[null]", "[1,\"a\",{}]",
        "{\"id\":{}}", "\"\"", "\"x\"", "[[]]", "{\"\":null}", "{\"id\":null,\"name\":42}", "[{\"type\":\"mention\"}]",
    ];

    private static readonly (int Length, string Filler)[] HugeStrings =
    [
        (4_000, "x"), (40_000, "ż"), (120_000, "x"), (200_000, "x"), (270_000, "x"), (30_000, "😀"), (60_000, "FV/2026/10/017 "),
        (60_000, "<at>BillingBot</at> "), (60_000, "<at>"), (60_000, "<at>x"), (40_000, "1 250,00 zł "), (60_000, " \u00A0\t"),
        (20_000, "a\u0301"), (30_000, "15 grudnia "), (30_000, "|"),
    ];

    // Built once: the same huge strings serve every input.
    private static readonly Lazy<string[]> HugeTexts = new(() => [.. HugeStrings.Select(h => Repeat(h.Filler, h.Length))]);

    private static readonly int[] Depths = [8, 60, 63, 64, 65, 200, 5_000];

    private static readonly string[] RawTokens =
    [
        "1e999", "-0", "NaN", "Infinity", "\"\\uD800\"", "\"\\uDC00x\"", "\"a\\uD83D\"", "\"\\uD83D\\uDE00\"", "\"\\u0000\"",
        "'single'", "[1,]", "{\"a\":1,}", "01", ".5", "tru", "\"unterminated", "\"\\x41\"", "\"tab\there\"", "/*comment*/1",
        "123456789012345678901234567890", "\"\\uDBFF\\uDFFF\"", "\"\\uFFFE\"", "\"\\ud800\\ud800\"",
    ];

    private static readonly string[] ExtraNames =
    [
        "futureField", "$type", "$id", "$ref", "$values", "__proto__", "Type", "TYPE", "text ", "type\u0000", "", "@odata.type",
        "serviceURL", "conversation", "Conversation", "value",
    ];

    private static readonly byte[][] BadBytes =
    [
        [0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0x00], [0xEF, 0xBB, 0xBF],
        [0xE2, 0x82], [0x80], [0xFE, 0xFF], [0x0A], [0x22], [0x5C],
    ];

    /// <summary>The content types a payload is sent with; most often JSON, as Teams sends it.</summary>
    public static IReadOnlyList<string?> ContentTypes { get; } =
    [
        "application/json", "application/json; charset=utf-8", "application/json", "application/json; charset=utf-16",
        "APPLICATION/JSON", "text/plain", "application/xml", "application/x-www-form-urlencoded", null,
        "application/vnd.microsoft.activity+json", "multipart/form-data; boundary=fuzz", "text/json",
    ];

    /// <summary>How many variants a kind of change has (its table's length).</summary>
    public static int VariantCount(JsonMutationKind kind) => kind switch
    {
        JsonMutationKind.Retype or JsonMutationKind.DuplicateField or JsonMutationKind.ExtraField => RetypeValues.Length,
        JsonMutationKind.OddString => OddStrings.Length,
        JsonMutationKind.OddCharacter => OddCharacters.Length,
        JsonMutationKind.WrongToken => WrongTokens.Length,
        JsonMutationKind.HugeString => HugeStrings.Length,
        JsonMutationKind.DeepNesting => Depths.Length * 2,
        JsonMutationKind.RawToken => RawTokens.Length,
        JsonMutationKind.InvalidUtf8 => BadBytes.Length * 2,
        JsonMutationKind.FlipByte => 255,
        _ => 1,
    };

    /// <summary>
    /// The payload with the changes made, as UTF-8 bytes. Values of fields named in <paramref name="keepWhole"/> (the
    /// service URL, say) are replaced or dropped like any other, but never edited in place nor made huge.
    /// </summary>
    public static byte[] Apply(JsonObject payload, IEnumerable<JsonMutation> mutations, IReadOnlySet<string>? keepWhole = null)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(mutations);
        var changes = mutations.ToList();
        var root = payload.DeepClone().AsObject();
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var change in changes.Where(c => !c.OnBytes))
        {
            ApplyToTree(root, change, raw, keepWhole ?? new HashSet<string>());
        }

        var text = root.ToJsonString(Writer);
        foreach (var (placeholder, replacement) in raw)
        {
            text = text.Replace("\"" + placeholder + "\"", replacement, StringComparison.Ordinal);
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        foreach (var change in changes.Where(c => c.OnBytes))
        {
            bytes = ApplyToBytes(bytes, change);
        }

        return bytes;
    }

    /// <summary>An odd string of the table, for tests that fuzz texts rather than payloads.</summary>
    public static string OddString(int variant) => OddStrings[Math.Abs(variant % OddStrings.Length)];

    /// <summary>An odd character (or pair) of the table.</summary>
    public static string OddCharacter(int variant) => OddCharacters[Math.Abs(variant % OddCharacters.Length)];

    /// <summary>A plausible but wrong token of the table.</summary>
    public static string WrongToken(int variant) => WrongTokens[Math.Abs(variant % WrongTokens.Length)];

    private static void ApplyToTree(JsonObject root, JsonMutation change, Dictionary<string, string> raw, IReadOnlySet<string> keepWhole)
    {
        var slots = new List<Slot>();
        Collect(root, slots);
        if (slots.Count == 0)
        {
            return;
        }

        var slot = slots[change.Target % slots.Count];
        var variant = change.Variant;
        switch (change.Kind)
        {
            case JsonMutationKind.Drop:
                slot.Remove();
                break;
            case JsonMutationKind.Null:
                slot.Set(null);
                break;
            case JsonMutationKind.Retype:
                slot.Set(JsonNode.Parse(RetypeValues[variant % RetypeValues.Length]));
                break;
            case JsonMutationKind.OddString:
                slot.Set(JsonValue.Create(OddStrings[variant % OddStrings.Length]));
                break;
            case JsonMutationKind.OddCharacter when !keepWhole.Contains(slot.Name ?? string.Empty) && slot.Value is JsonValue value && value.TryGetValue<string>(out var text):
                var at = text.Length == 0 ? 0 : change.Target % (text.Length + 1);
                slot.Set(JsonValue.Create(text.Insert(at, OddCharacters[variant % OddCharacters.Length])));
                break;
            case JsonMutationKind.WrongToken:
                slot.Set(JsonValue.Create(WrongTokens[variant % WrongTokens.Length]));
                break;
            case JsonMutationKind.HugeString when !keepWhole.Contains(slot.Name ?? string.Empty):
                slot.Set(JsonValue.Create(HugeTexts.Value[variant % HugeStrings.Length]));
                break;
            case JsonMutationKind.DeepNesting:
                var depth = Depths[variant / 2 % Depths.Length];
                slot.Set(JsonValue.Create(Placeholder(raw, variant % 2 == 0
                    ? new string('[', depth) + "1" + new string(']', depth)
                    : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth))));
                break;
            case JsonMutationKind.RawToken:
                slot.Set(JsonValue.Create(Placeholder(raw, RawTokens[variant % RawTokens.Length])));
                break;
            case JsonMutationKind.ExtraField when slot.Value is JsonObject target:
                var name = ExtraNames[change.Target % ExtraNames.Length];
                target[name] = JsonNode.Parse(RetypeValues[variant % RetypeValues.Length]);
                break;
            case JsonMutationKind.DuplicateField when slot.Parent is JsonObject owner && slot.Name is { } field:
                // The copy's name is a placeholder (a JSON object holds a name once), written back as the field's after writing.
                var key = Placeholder(raw, JsonSerializer.Serialize(field, Writer));
                owner[key] = JsonNode.Parse(RetypeValues[variant % RetypeValues.Length]);
                break;
            case JsonMutationKind.WrapInArray:
                var wrapped = slot.Value?.DeepClone();
                slot.Set(new JsonArray(wrapped));
                break;
        }
    }

    private static byte[] ApplyToBytes(byte[] bytes, JsonMutation change)
    {
        var position = bytes.Length == 0 ? 0 : (int)((long)(change.Target % 1000) * bytes.Length / 1000);
        switch (change.Kind)
        {
            case JsonMutationKind.EmptyBody:
                return [];
            case JsonMutationKind.Truncate:
                return bytes[..position];
            case JsonMutationKind.FlipByte when bytes.Length > 0:
                var flipped = (byte[])bytes.Clone();
                flipped[Math.Min(position, bytes.Length - 1)] ^= (byte)(1 + (change.Variant % 255));
                return flipped;
            case JsonMutationKind.InvalidUtf8:
                var bad = BadBytes[change.Variant / 2 % BadBytes.Length];
                // Odd variants aim inside a string literal, where a parser has to decode the bytes rather than reject the structure.
                if (change.Variant % 2 == 1 && InsideStrings(bytes) is { Count: > 0 } inside)
                {
                    position = inside[change.Target % inside.Count];
                }

                return [.. bytes[..position], .. bad, .. bytes[position..]];
            default:
                return bytes;
        }
    }

    /// <summary>Offsets just after an opening quote of a string literal.</summary>
    private static List<int> InsideStrings(byte[] bytes)
    {
        var offsets = new List<int>();
        var inString = false;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (inString && bytes[i] == (byte)'\\')
            {
                i++;
            }
            else if (bytes[i] == (byte)'"')
            {
                inString = !inString;
                if (inString)
                {
                    offsets.Add(i + 1);
                }
            }
        }

        return offsets;
    }

    private static string Placeholder(Dictionary<string, string> raw, string replacement)
    {
        var placeholder = string.Create(CultureInfo.InvariantCulture, $"@@fuzz-raw-{raw.Count}@@");
        raw[placeholder] = replacement;
        return placeholder;
    }

    private static string Repeat(string filler, int length) => string.Concat(Enumerable.Repeat(filler, (length + filler.Length - 1) / filler.Length));

    private static void Collect(JsonNode node, List<Slot> slots)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    slots.Add(new Slot(obj, name, -1, value));
                    if (value is not null)
                    {
                        Collect(value, slots);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    slots.Add(new Slot(array, null, i, array[i]));
                    if (array[i] is { } item)
                    {
                        Collect(item, slots);
                    }
                }

                break;
        }
    }

    /// <summary>A place in the tree: a field of an object, or an element of an array.</summary>
    private sealed record Slot(JsonNode Parent, string? Name, int Index, JsonNode? Value)
    {
        public void Remove()
        {
            if (Parent is JsonObject obj)
            {
                obj.Remove(Name!);
            }
            else
            {
                ((JsonArray)Parent).RemoveAt(Index);
            }
        }

        public void Set(JsonNode? value)
        {
            if (Parent is JsonObject obj)
            {
                obj[Name!] = value;
            }
            else
            {
                ((JsonArray)Parent)[Index] = value;
            }
        }
    }
}
