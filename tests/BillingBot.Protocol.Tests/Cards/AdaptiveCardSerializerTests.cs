using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BillingBot.Protocol.Cards;
using BillingBot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BillingBot.Protocol.Tests.Cards;

public class AdaptiveCardSerializerTests
{
    private readonly AdaptiveCardSerializer _serializer = new();

    [Fact]
    public void Given_no_configuration_Then_cards_may_be_28_KB_of_JSON()
    {
        Assert.Equal(28 * 1024, _serializer.MaxCardSizeInBytes);
    }

    [Fact]
    public void Given_a_card_exactly_at_the_limit_When_attached_Then_it_is_accepted()
    {
        var card = CardOfSize(AdaptiveCardOptions.DefaultMaxCardSizeInBytes);

        var attachment = _serializer.CreateAttachment(card);

        Assert.Equal(AdaptiveCardOptions.DefaultMaxCardSizeInBytes, AdaptiveCardSerializer.GetSizeInBytes(card));
        Assert.Same(card, attachment.Content);
        Assert.True(_serializer.IsWithinLimit(card));
    }

    [Fact]
    public void Given_a_card_one_byte_over_the_limit_When_attached_Then_it_is_refused_with_both_sizes()
    {
        var card = CardOfSize(AdaptiveCardOptions.DefaultMaxCardSizeInBytes + 1);

        var refused = Assert.Throws<CardTooLargeException>(() => _serializer.CreateAttachment(card));

        Assert.Equal(AdaptiveCardOptions.DefaultMaxCardSizeInBytes + 1, refused.SizeInBytes);
        Assert.Equal(AdaptiveCardOptions.DefaultMaxCardSizeInBytes, refused.MaxSizeInBytes);
        Assert.False(_serializer.IsWithinLimit(card));
        Assert.Throws<CardTooLargeException>(() => _serializer.CreateMessage(card));
    }

    [Fact]
    public void Given_Polish_text_When_measured_Then_bytes_count_not_characters()
    {
        // "ą" is two bytes of UTF-8: 15 000 of them are under the limit in characters and over it in bytes.
        var card = new AdaptiveCard { Body = [new AdaptiveTextBlock { Text = new string('ą', 15_000) }] };

        var refused = Assert.Throws<CardTooLargeException>(() => _serializer.CreateAttachment(card));

        Assert.True(refused.SizeInBytes > 30_000);
    }

    [Fact]
    public void Given_a_configured_limit_When_a_card_is_over_it_Then_the_configured_limit_applies()
    {
        var serializer = new AdaptiveCardSerializer(Options.Create(new AdaptiveCardOptions { MaxCardSizeInBytes = 1024 }));
        var card = CardOfSize(1025);

        var refused = Assert.Throws<CardTooLargeException>(() => serializer.CreateAttachment(card));

        Assert.Equal(1024, refused.MaxSizeInBytes);
        Assert.NotNull(serializer.CreateAttachment(CardOfSize(1024)));
    }

    [Fact]
    public void Given_an_invoice_list_too_long_for_Teams_When_the_caller_drops_rows_until_it_fits_Then_the_card_is_sent_with_fewer_rows()
    {
        var invoices = Enumerable.Range(1, 400).Select(i => $"FV/2026/11/{i:000}").ToList();
        var shown = invoices.Count;
        Attachment? attachment = null;
        while (attachment is null)
        {
            try
            {
                attachment = _serializer.CreateAttachment(InvoiceList(invoices.Take(shown)));
            }
            catch (CardTooLargeException)
            {
                shown -= 10;
            }
        }

        Assert.InRange(shown, 1, invoices.Count - 1);
        Assert.True(AdaptiveCardSerializer.GetSizeInBytes((AdaptiveCard)attachment.Content!) <= _serializer.MaxCardSizeInBytes);
    }

    [Fact]
    public void Given_a_card_When_made_a_message_Then_it_is_a_message_with_one_Adaptive_Card_attachment_and_a_summary()
    {
        var card = new AdaptiveCard { Body = [new AdaptiveTextBlock { Text = "Faktura opłacona" }] };

        var message = _serializer.CreateMessage(card, "Faktura FV/2026/11/042 opłacona");

        Assert.Equal(ActivityTypes.Message, message.Type);
        Assert.Equal("Faktura FV/2026/11/042 opłacona", message.Summary);
        var attachment = Assert.Single(message.Attachments!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        Assert.Same(card, attachment.Content);
    }

    [Fact]
    public void Given_a_message_with_a_card_When_the_activity_is_written_Then_the_card_inside_keeps_its_element_and_action_types()
    {
        var message = _serializer.CreateMessage(KitchenSinkCard.Create());

        var json = JsonNode.Parse(JsonSerializer.Serialize(message, ProtocolJson.Options))!;

        var content = json["attachments"]![0]!["content"]!;
        Assert.Equal(AdaptiveCardSerializer.Serialize(KitchenSinkCard.Create()), content.ToJsonString(ProtocolJson.Options));
        Assert.Equal("TextBlock", content["body"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("Action.Submit", content["actions"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Given_the_kitchen_sink_card_When_written_read_and_written_again_Then_the_JSON_is_unchanged()
    {
        var written = AdaptiveCardSerializer.Serialize(KitchenSinkCard.Create());

        var read = AdaptiveCardSerializer.Deserialize(written);

        Assert.Equal(written, AdaptiveCardSerializer.Serialize(read));
        Assert.IsType<AdaptiveChoiceSetInput>(read.Body.Single(e => e.Id == "topic"));
        Assert.Equal(AdaptiveColumnWidth.Weight(2), ((AdaptiveColumnSet)read.Body[4]).Columns![2].Width);
        Assert.Equal(new TimeOnly(9, 15), read.Body.OfType<AdaptiveTimeInput>().Single().Value);
        Assert.Equal("refreshInvoiceStatus", read.Refresh!.Action.Verb);
        Assert.Equal(TeamsCardWidth.Full, read.MsTeams!.Width);
    }

    [Fact]
    public void Given_card_JSON_with_type_after_other_properties_When_read_Then_elements_and_actions_are_still_typed()
    {
        const string json = """
            {"body":[{"text":"Faktura","size":"Large","type":"TextBlock"},
                     {"items":[{"url":"https://portal.example.com/a.png","type":"Image"}],"type":"Container"}],
             "actions":[{"title":"Portal","url":"https://portal.example.com/","type":"Action.OpenUrl"}],
             "version":"1.5","type":"AdaptiveCard"}
            """;

        var card = AdaptiveCardSerializer.Deserialize(json);

        var text = Assert.IsType<AdaptiveTextBlock>(card.Body[0]);
        Assert.Equal(AdaptiveTextSize.Large, text.Size);
        Assert.IsType<AdaptiveImage>(Assert.IsType<AdaptiveContainer>(card.Body[1]).Items[0]);
        Assert.Equal(new Uri("https://portal.example.com/"), Assert.IsType<AdaptiveOpenUrlAction>(card.Actions![0]).Url);
    }

    [Fact]
    public void Given_an_element_type_the_model_does_not_know_When_read_Then_it_is_refused()
    {
        Assert.Throws<JsonException>(() => AdaptiveCardSerializer.Deserialize("""{"type":"AdaptiveCard","body":[{"type":"Chart"}]}"""));
    }

    [Fact]
    public void Given_a_card_that_went_over_the_wire_When_its_attachment_is_read_Then_the_typed_card_comes_back()
    {
        var sent = _serializer.CreateMessage(KitchenSinkCard.Create());
        var received = JsonSerializer.Deserialize<Activity>(JsonSerializer.Serialize(sent, ProtocolJson.Options), ProtocolJson.Options)!;

        var card = AdaptiveCardSerializer.GetCard(received.Attachments![0]);

        Assert.IsType<JsonElement>(received.Attachments[0].Content);
        Assert.Equal(AdaptiveCardSerializer.Serialize(KitchenSinkCard.Create()), AdaptiveCardSerializer.Serialize(card!));
        Assert.Null(AdaptiveCardSerializer.GetCard(new Attachment { ContentType = "image/png", ContentUrl = "https://portal.example.com/a.png" }));
    }

    [Fact]
    public void Given_the_services_When_cards_are_added_with_a_configured_limit_Then_the_serializer_uses_it()
    {
        using var provider = new ServiceCollection()
            .AddAdaptiveCards()
            .Configure<AdaptiveCardOptions>(o => o.MaxCardSizeInBytes = 20_000)
            .BuildServiceProvider();

        Assert.Equal(20_000, provider.GetRequiredService<AdaptiveCardSerializer>().MaxCardSizeInBytes);
    }

    /// <summary>A one-TextBlock card whose JSON is exactly <paramref name="bytes"/> long.</summary>
    private static AdaptiveCard CardOfSize(int bytes)
    {
        var empty = AdaptiveCardSerializer.GetSizeInBytes(Card(string.Empty));
        var card = Card(new string('x', bytes - empty));
        Assert.Equal(bytes, Encoding.UTF8.GetByteCount(AdaptiveCardSerializer.Serialize(card)));
        return card;

        static AdaptiveCard Card(string text) => new() { Body = [new AdaptiveTextBlock { Text = text }] };
    }

    private static AdaptiveCard InvoiceList(IEnumerable<string> numbers) => new()
    {
        Body =
        [
            new AdaptiveTable
            {
                FirstRowAsHeader = true,
                Columns = [new AdaptiveTableColumnDefinition { Width = AdaptiveTableColumnWidth.Weight(2) }, new AdaptiveTableColumnDefinition { Width = AdaptiveTableColumnWidth.Weight(1) }],
                Rows =
                [
                    .. numbers.Select(n => new AdaptiveTableRow
                    {
                        Cells =
                        [
                            new AdaptiveTableCell { Items = [new AdaptiveTextBlock { Text = n, Wrap = true }] },
                            new AdaptiveTableCell { Items = [new AdaptiveTextBlock { Text = "1 230,00 zł", HorizontalAlignment = AdaptiveHorizontalAlignment.Right }] },
                        ],
                    }),
                ],
            },
        ],
    };
}
