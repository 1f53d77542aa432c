using System.Text.Json;
using System.Text.Json.Nodes;
using BillingBot.Protocol.Cards;
using BillingBot.Protocol.Schema;
using BillingBot.TestKit.Cards;

namespace BillingBot.Protocol.Tests.Cards;

/// <summary>Every enum of the model writes exactly the strings the Teams card schema lists, no more and no fewer.</summary>
public class CardEnumTests
{
    private static readonly JsonNode Definitions = JsonNode.Parse(File.ReadAllText(AdaptiveCardSchema.DefaultPath))!["definitions"]!;

    public static TheoryData<Type, string> EnumsAndTheirSchemaDefinitions => new()
    {
        { typeof(AdaptiveTextSize), "FontSize" },
        { typeof(AdaptiveTextWeight), "FontWeight" },
        { typeof(AdaptiveTextColor), "Colors" },
        { typeof(AdaptiveFontType), "FontType" },
        { typeof(AdaptiveTextBlockStyle), "TextBlockStyle" },
        { typeof(AdaptiveSpacing), "Spacing" },
        { typeof(AdaptiveContainerStyle), "ContainerStyle" },
        { typeof(AdaptiveImageSize), "ImageSize" },
        { typeof(AdaptiveImageStyle), "ImageStyle" },
        { typeof(AdaptiveHorizontalAlignment), "HorizontalAlignment" },
        { typeof(AdaptiveVerticalAlignment), "VerticalAlignment" },
        { typeof(AdaptiveVerticalContentAlignment), "VerticalContentAlignment" },
        { typeof(AdaptiveHeight), "BlockElementHeight" },
        { typeof(AdaptiveTextInputStyle), "TextInputStyle" },
        { typeof(AdaptiveChoiceInputStyle), "ChoiceInputStyle" },
        { typeof(AdaptiveActionStyle), "ActionStyle" },
        { typeof(AdaptiveAssociatedInputs), "AssociatedInputs" },
    };

    [Theory]
    [MemberData(nameof(EnumsAndTheirSchemaDefinitions))]
    public void Given_an_enum_of_the_model_When_each_value_is_written_Then_the_strings_are_exactly_the_schema_enum(Type enumType, string definition)
    {
        var schemaValues = Definitions[definition]!["anyOf"]![0]!["enum"]!.AsArray().Select(v => v!.GetValue<string>());

        Assert.Equal(schemaValues.Order(StringComparer.Ordinal), Written(enumType).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Given_the_Teams_card_width_When_written_Then_it_is_the_only_value_Teams_knows()
    {
        var schemaValues = Definitions["AdaptiveCard"]!["properties"]!["msteams"]!["properties"]!["width"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>());

        Assert.Equal(schemaValues, Written(typeof(TeamsCardWidth)));
    }

    [Fact]
    public void Given_the_Teams_card_action_types_When_written_Then_they_are_Teams_spellings()
    {
        Assert.Equal(["imBack", "messageBack", "invoke", "signin", "task/fetch"], Written(typeof(TeamsCardActionType)));
    }

    [Fact]
    public void Given_an_enum_value_as_a_number_When_read_Then_it_is_refused_rather_than_guessed()
    {
        Assert.Throws<JsonException>(() => AdaptiveCardSerializer.Deserialize("""{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"x","size":3}]}"""));
    }

    [Fact]
    public void Given_a_value_outside_an_enum_When_written_Then_it_fails_instead_of_writing_a_number()
    {
        var card = new AdaptiveCard { Body = [new AdaptiveTextBlock { Text = "x", Size = (AdaptiveTextSize)42 }] };

        Assert.Throws<JsonException>(() => AdaptiveCardSerializer.Serialize(card));
    }

    private static IEnumerable<string> Written(Type enumType) =>
        Enum.GetValues(enumType).Cast<object>().Select(value => JsonSerializer.SerializeToNode(value, enumType, ProtocolJson.Options)!.GetValue<string>()).ToList();
}
