using System.Text.Json.Nodes;
using BillingBot.Protocol.Cards;
using BillingBot.Protocol.Schema;

namespace BillingBot.Protocol.Tests.Cards;

/// <summary>What each element and action looks like on the wire: names, enum strings, "type" first, no nulls.</summary>
public class CardJsonShapeTests
{
    [Fact]
    public void Given_an_empty_card_When_written_Then_it_is_an_AdaptiveCard_of_version_1_5_with_an_empty_body_and_nothing_else()
    {
        CardJson.Equal("""{"type":"AdaptiveCard","version":"1.5","body":[]}""", CardJson.Of(new AdaptiveCard()));
    }

    [Fact]
    public void Given_a_TextBlock_with_only_its_text_When_written_Then_no_optional_property_appears()
    {
        var json = AdaptiveCardSerializer.Serialize(new AdaptiveCard { Body = [new AdaptiveTextBlock { Text = "Faktura opłacona" }] });

        Assert.Equal("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Faktura opłacona"}]}""", json);
    }

    [Fact]
    public void Given_a_styled_TextBlock_When_written_Then_every_style_is_the_schema_string()
    {
        var json = CardJson.OfElement(new AdaptiveTextBlock
        {
            Id = "status", Text = "Po terminie", Size = AdaptiveTextSize.ExtraLarge, Weight = AdaptiveTextWeight.Bolder,
            Color = AdaptiveTextColor.Attention, FontType = AdaptiveFontType.Monospace, IsSubtle = false, Wrap = true, MaxLines = 3,
            HorizontalAlignment = AdaptiveHorizontalAlignment.Center, Style = AdaptiveTextBlockStyle.Heading,
            Spacing = AdaptiveSpacing.ExtraLarge, Separator = true, IsVisible = false, Height = AdaptiveHeight.Stretch,
        });

        CardJson.Equal("""
            {"type":"TextBlock","id":"status","text":"Po terminie","size":"extraLarge","weight":"bolder","color":"attention",
             "fontType":"monospace","isSubtle":false,"wrap":true,"maxLines":3,"horizontalAlignment":"center","style":"heading",
             "spacing":"extraLarge","separator":true,"isVisible":false,"height":"stretch"}
            """, json);
    }

    [Fact]
    public void Given_a_RichTextBlock_When_written_Then_each_run_is_a_TextRun_with_its_own_formatting()
    {
        var json = CardJson.OfElement(new AdaptiveRichTextBlock
        {
            Inlines =
            [
                new AdaptiveTextRun { Text = "Status: " },
                new AdaptiveTextRun
                {
                    Text = "nieopłacona", Weight = AdaptiveTextWeight.Bolder, Italic = true, Highlight = true, Underline = true,
                    SelectAction = new AdaptiveOpenUrlAction { Url = new Uri("https://portal.example.com/FV-2026-11-042") },
                },
            ],
        });

        CardJson.Equal("""
            {"type":"RichTextBlock","inlines":[
              {"type":"TextRun","text":"Status: "},
              {"type":"TextRun","text":"nieopłacona","weight":"bolder","italic":true,"highlight":true,"underline":true,
               "selectAction":{"type":"Action.OpenUrl","url":"https://portal.example.com/FV-2026-11-042"}}]}
            """, json);
    }

    [Fact]
    public void Given_a_FactSet_When_written_Then_each_fact_is_a_title_and_a_value()
    {
        var json = CardJson.OfElement(new AdaptiveFactSet { Facts = [new AdaptiveFact("Kwota", "1 230,00 zł"), new AdaptiveFact("Termin", "2026-12-09")] });

        CardJson.Equal("""{"type":"FactSet","facts":[{"title":"Kwota","value":"1 230,00 zł"},{"title":"Termin","value":"2026-12-09"}]}""", json);
    }

    [Fact]
    public void Given_columns_of_each_kind_of_width_When_written_Then_keywords_and_pixels_are_strings_and_weights_are_numbers()
    {
        var json = CardJson.OfElement(new AdaptiveColumnSet
        {
            Style = AdaptiveContainerStyle.Emphasis, MinHeightInPixels = 40,
            Columns =
            [
                new AdaptiveColumn { Width = AdaptiveColumnWidth.Auto },
                new AdaptiveColumn { Width = AdaptiveColumnWidth.Stretch, VerticalContentAlignment = AdaptiveVerticalContentAlignment.Center },
                new AdaptiveColumn { Width = AdaptiveColumnWidth.Weight(2), Items = [new AdaptiveTextBlock { Text = "1 230,00 zł" }] },
                new AdaptiveColumn { Width = AdaptiveColumnWidth.Pixels(50) },
            ],
        });

        CardJson.Equal("""
            {"type":"ColumnSet","style":"emphasis","minHeight":"40px","columns":[
              {"type":"Column","width":"auto","items":[]},
              {"type":"Column","width":"stretch","verticalContentAlignment":"center","items":[]},
              {"type":"Column","width":2,"items":[{"type":"TextBlock","text":"1 230,00 zł"}]},
              {"type":"Column","width":"50px","items":[]}]}
            """, json);
    }

    [Fact]
    public void Given_a_Container_with_a_tap_action_When_written_Then_its_items_style_and_action_are_there()
    {
        var json = CardJson.OfElement(new AdaptiveContainer
        {
            Style = AdaptiveContainerStyle.Warning, Bleed = true,
            SelectAction = new AdaptiveSubmitAction { Data = new { invoice = "FV/2026/11/042" } },
            Items = [new AdaptiveTextBlock { Text = "Zaległość" }],
        });

        CardJson.Equal("""
            {"type":"Container","style":"warning","bleed":true,
             "selectAction":{"type":"Action.Submit","data":{"invoice":"FV/2026/11/042"}},
             "items":[{"type":"TextBlock","text":"Zaległość"}]}
            """, json);
    }

    [Fact]
    public void Given_a_Table_When_written_Then_columns_rows_and_cells_have_the_1_5_shape()
    {
        var json = CardJson.OfElement(new AdaptiveTable
        {
            FirstRowAsHeader = true, ShowGridLines = false, GridStyle = AdaptiveContainerStyle.Accent,
            VerticalCellContentAlignment = AdaptiveVerticalAlignment.Bottom,
            Columns = [new AdaptiveTableColumnDefinition { Width = AdaptiveTableColumnWidth.Weight(3) }, new AdaptiveTableColumnDefinition { Width = AdaptiveTableColumnWidth.Pixels(90) }],
            Rows =
            [
                new AdaptiveTableRow
                {
                    Style = AdaptiveContainerStyle.Emphasis,
                    Cells = [new AdaptiveTableCell { Items = [new AdaptiveTextBlock { Text = "Faktura" }] }, new AdaptiveTableCell { Items = [new AdaptiveTextBlock { Text = "Kwota" }] }],
                },
            ],
        });

        CardJson.Equal("""
            {"type":"Table","firstRowAsHeader":true,"showGridLines":false,"gridStyle":"accent","verticalCellContentAlignment":"bottom",
             "columns":[{"width":3},{"width":"90px"}],
             "rows":[{"type":"TableRow","style":"emphasis","cells":[
               {"type":"TableCell","items":[{"type":"TextBlock","text":"Faktura"}]},
               {"type":"TableCell","items":[{"type":"TextBlock","text":"Kwota"}]}]}]}
            """, json);
    }

    [Fact]
    public void Given_an_Image_When_written_Then_its_url_and_pixel_width_are_strings()
    {
        var json = CardJson.OfElement(new AdaptiveImage
        {
            Url = new Uri("https://portal.example.com/logo.png"), AltText = "Logo", Size = AdaptiveImageSize.Small,
            Style = AdaptiveImageStyle.Person, WidthInPixels = 48, Height = AdaptiveHeight.Auto, HorizontalAlignment = AdaptiveHorizontalAlignment.Right,
        });

        CardJson.Equal("""
            {"type":"Image","url":"https://portal.example.com/logo.png","altText":"Logo","size":"small","style":"person",
             "width":"48px","height":"auto","horizontalAlignment":"right"}
            """, json);
    }

    [Fact]
    public void Given_an_ActionSet_When_written_Then_its_actions_keep_their_types()
    {
        var json = CardJson.OfElement(new AdaptiveActionSet
        {
            Actions = [new AdaptiveSubmitAction { Title = "Pokaż" }, new AdaptiveOpenUrlAction { Title = "Portal", Url = new Uri("https://portal.example.com/") }],
        });

        CardJson.Equal("""
            {"type":"ActionSet","actions":[{"type":"Action.Submit","title":"Pokaż"},{"type":"Action.OpenUrl","title":"Portal","url":"https://portal.example.com/"}]}
            """, json);
    }

    [Fact]
    public void Given_each_input_When_written_Then_ids_labels_validation_and_typed_values_use_the_schema_formats()
    {
        var card = CardJson.Of(new AdaptiveCard
        {
            Body =
            [
                new AdaptiveTextInput
                {
                    Id = "email", Label = "E-mail", IsRequired = true, ErrorMessage = "Podaj adres", Style = AdaptiveTextInputStyle.Email,
                    Placeholder = "jan@example.com", MaxLength = 120, Regex = "^\\S+@\\S+$", IsMultiline = false,
                    InlineAction = new AdaptiveSubmitAction { Title = "OK" },
                },
                new AdaptiveNumberInput { Id = "amount", Label = "Kwota", Min = 0, Max = 99999.99m, Value = 1230.50m },
                new AdaptiveDateInput { Id = "date", Label = "Data", Min = new DateOnly(2026, 11, 1), Max = new DateOnly(2026, 12, 31), Value = new DateOnly(2026, 12, 9) },
                new AdaptiveTimeInput { Id = "time", Label = "Godzina", Min = new TimeOnly(8, 0), Max = new TimeOnly(16, 0), Value = new TimeOnly(9, 5, 59) },
                new AdaptiveToggleInput { Id = "agree", Title = "Zgadzam się", ValueOn = "yes", ValueOff = "no", Value = "no" },
                new AdaptiveChoiceSetInput
                {
                    Id = "topic", Label = "Temat", Style = AdaptiveChoiceInputStyle.Expanded, IsMultiSelect = true, Value = "invoice,payment",
                    Choices = [new AdaptiveChoice("Faktura", "invoice"), new AdaptiveChoice("Płatność", "payment")],
                },
            ],
        })["body"]!;

        CardJson.Equal("""
            [{"type":"Input.Text","id":"email","label":"E-mail","isRequired":true,"errorMessage":"Podaj adres","style":"email",
              "placeholder":"jan@example.com","maxLength":120,"regex":"^\\S+@\\S+$","isMultiline":false,
              "inlineAction":{"type":"Action.Submit","title":"OK"}},
             {"type":"Input.Number","id":"amount","label":"Kwota","min":0,"max":99999.99,"value":1230.50},
             {"type":"Input.Date","id":"date","label":"Data","min":"2026-11-01","max":"2026-12-31","value":"2026-12-09"},
             {"type":"Input.Time","id":"time","label":"Godzina","min":"08:00","max":"16:00","value":"09:05"},
             {"type":"Input.Toggle","id":"agree","title":"Zgadzam się","valueOn":"yes","valueOff":"no","value":"no"},
             {"type":"Input.ChoiceSet","id":"topic","label":"Temat","style":"expanded","isMultiSelect":true,"value":"invoice,payment",
              "choices":[{"title":"Faktura","value":"invoice"},{"title":"Płatność","value":"payment"}]}]
            """, card);
    }

    [Fact]
    public void Given_an_Action_Submit_When_written_Then_its_data_is_any_object_and_its_button_properties_are_there()
    {
        var json = CardJson.OfAction(new AdaptiveSubmitAction
        {
            Id = "pay", Title = "Zgłoś wpłatę", Style = AdaptiveActionStyle.Positive, Tooltip = "Powiadom nas", IsEnabled = true,
            IconUrl = new Uri("https://portal.example.com/pay.png"), AssociatedInputs = AdaptiveAssociatedInputs.None,
            Data = new Dictionary<string, object> { ["action"] = "reportPayment", ["invoice"] = "FV/2026/11/042", ["lines"] = new[] { 1, 2 } },
        });

        CardJson.Equal("""
            {"type":"Action.Submit","id":"pay","title":"Zgłoś wpłatę","style":"positive","tooltip":"Powiadom nas","isEnabled":true,
             "iconUrl":"https://portal.example.com/pay.png","associatedInputs":"None",
             "data":{"action":"reportPayment","invoice":"FV/2026/11/042","lines":[1,2]}}
            """, json);
    }

    [Fact]
    public void Given_Teams_imBack_and_messageBack_data_When_written_Then_it_sits_under_data_msteams()
    {
        var imBack = CardJson.OfAction(new AdaptiveSubmitAction { Title = "Faktury", Data = TeamsSubmitData.ImBack("pokaż faktury") });
        var messageBack = CardJson.OfAction(new AdaptiveSubmitAction
        {
            Title = "Konsultant",
            Data = TeamsSubmitData.MessageBack("handoff", new { reason = "invoice" }, "Chcę porozmawiać z konsultantem"),
        });

        CardJson.Equal("""{"type":"Action.Submit","title":"Faktury","data":{"msteams":{"type":"imBack","value":"pokaż faktury"}}}""", imBack);
        CardJson.Equal("""
            {"type":"Action.Submit","title":"Konsultant","data":{"msteams":{"type":"messageBack","text":"handoff",
             "value":{"reason":"invoice"},"displayText":"Chcę porozmawiać z konsultantem"}}}
            """, messageBack);
    }

    [Fact]
    public void Given_OpenUrl_ShowCard_and_Execute_actions_When_written_Then_each_has_its_own_properties()
    {
        var openUrl = CardJson.OfAction(new AdaptiveOpenUrlAction { Title = "Portal", Url = new Uri("https://portal.example.com/invoices?id=42") });
        var showCard = CardJson.OfAction(new AdaptiveShowCardAction
        {
            Title = "Anuluj", Style = AdaptiveActionStyle.Destructive,
            Card = new AdaptiveCard { Body = [new AdaptiveTextBlock { Text = "Na pewno?" }] },
        });
        var execute = CardJson.OfAction(new AdaptiveExecuteAction { Title = "Odśwież", Verb = "refreshInvoiceStatus", Data = new { invoice = "FV/2026/11/042" } });

        CardJson.Equal("""{"type":"Action.OpenUrl","title":"Portal","url":"https://portal.example.com/invoices?id=42"}""", openUrl);
        CardJson.Equal("""
            {"type":"Action.ShowCard","title":"Anuluj","style":"destructive",
             "card":{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Na pewno?"}]}}
            """, showCard);
        CardJson.Equal("""{"type":"Action.Execute","title":"Odśwież","verb":"refreshInvoiceStatus","data":{"invoice":"FV/2026/11/042"}}""", execute);
    }

    [Fact]
    public void Given_a_full_width_card_with_a_mention_When_written_Then_msteams_carries_width_Full_and_the_mention_entity()
    {
        var json = CardJson.Of(new AdaptiveCard
        {
            MsTeams = new TeamsCardProperties
            {
                Width = TeamsCardWidth.Full,
                Entities = [new TeamsCardMention { Text = "<at>Anna Nowak</at>", Mentioned = new ChannelAccount("29:1anna", "Anna Nowak") }],
            },
            Body = [new AdaptiveTextBlock { Text = "<at>Anna Nowak</at>, faktura czeka." }],
        });

        CardJson.Equal("""
            {"width":"Full","entities":[{"type":"mention","text":"<at>Anna Nowak</at>","mentioned":{"id":"29:1anna","name":"Anna Nowak"}}]}
            """, json["msteams"]!);
    }

    [Fact]
    public void Given_a_card_that_refreshes_itself_When_written_Then_the_refresh_action_is_a_typed_Action_Execute_with_user_ids()
    {
        var json = CardJson.Of(new AdaptiveCard
        {
            Refresh = new AdaptiveRefresh
            {
                Action = new AdaptiveExecuteAction { Verb = "refreshInvoiceStatus", Data = new { invoice = "FV/2026/11/042" } },
                UserIds = ["29:1anna", "29:1jan"],
            },
        });

        CardJson.Equal("""
            {"action":{"type":"Action.Execute","verb":"refreshInvoiceStatus","data":{"invoice":"FV/2026/11/042"}},"userIds":["29:1anna","29:1jan"]}
            """, json["refresh"]!);
    }

    [Fact]
    public void Given_the_card_level_options_When_written_Then_each_has_its_schema_name()
    {
        var json = CardJson.Of(new AdaptiveCard
        {
            Schema = AdaptiveCard.SchemaUri, FallbackText = "Faktura opłacona", Speak = "Faktura opłacona", Lang = "pl",
            MinHeightInPixels = 100, VerticalContentAlignment = AdaptiveVerticalContentAlignment.Bottom, Rtl = false,
            SelectAction = new AdaptiveExecuteAction { Verb = "open" },
        });

        CardJson.Equal("""
            {"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","version":"1.5","body":[],
             "fallbackText":"Faktura opłacona","speak":"Faktura opłacona","lang":"pl","minHeight":"100px",
             "verticalContentAlignment":"bottom","rtl":false,"selectAction":{"type":"Action.Execute","verb":"open"}}
            """, json);
    }

    [Fact]
    public void Given_every_element_and_action_When_written_Then_type_is_the_first_property_of_each()
    {
        var typed = Objects(CardJson.Of(KitchenSinkCard.Create())).Where(o => o.ContainsKey("type")).ToList();

        Assert.True(typed.Count > 40, $"the kitchen sink should be big enough to mean something, found {typed.Count}");
        Assert.All(typed, o => Assert.Equal("type", o.First().Key));
    }

    [Fact]
    public void Given_a_pixel_or_weight_that_is_not_positive_When_built_Then_it_is_refused_before_a_card_is_written()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AdaptiveColumnWidth.Weight(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => AdaptiveColumnWidth.Pixels(-5));
        Assert.Throws<ArgumentOutOfRangeException>(() => AdaptiveTableColumnWidth.Weight(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => AdaptiveTableColumnWidth.Pixels(0));
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Objects(p.Value))],
        JsonArray a => a.SelectMany(Objects),
        _ => [],
    };
}
