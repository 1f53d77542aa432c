using System.Text.Json;
using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>Writes card enums as the camelCase strings of the Adaptive Card schema; numbers are refused both ways.</summary>
internal sealed class CardEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
