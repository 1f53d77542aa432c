using BillingBot.Protocol.Cards;
using BillingBot.Protocol.Schema;

namespace BillingBot.Protocol.Tests.Cards;

/// <summary>A card that uses every element, action and Teams extension of the model, with real-looking billing content.</summary>
internal static class KitchenSinkCard
{
    public static AdaptiveCard Create() => new()
    {
        Schema = AdaptiveCard.SchemaUri,
        Lang = "pl",
        FallbackText = "Faktura FV/2026/11/042: 1 230,00 zł, termin 2026-12-09",
        Speak = "Faktura FV/2026/11/042 jest nieopłacona.",
        MinHeightInPixels = 120,
        VerticalContentAlignment = AdaptiveVerticalContentAlignment.Top,
        Rtl = false,
        MsTeams = new TeamsCardProperties
        {
            Width = TeamsCardWidth.Full,
            Entities = [new TeamsCardMention { Text = "<at>Anna Nowak</at>", Mentioned = new ChannelAccount("29:1anna", "Anna Nowak") }],
        },
        Refresh = new AdaptiveRefresh
        {
            Action = new AdaptiveExecuteAction { Title = "Odśwież", Verb = "refreshInvoiceStatus", Data = new { invoice = "FV/2026/11/042" } },
            UserIds = ["29:1anna"],
        },
        SelectAction = new AdaptiveSubmitAction { Data = new { action = "open", invoice = "FV/2026/11/042" } },
        Body =
        [
            new AdaptiveTextBlock
            {
                Id = "title", Text = "Faktura FV/2026/11/042", Size = AdaptiveTextSize.Large, Weight = AdaptiveTextWeight.Bolder,
                Style = AdaptiveTextBlockStyle.Heading, Wrap = true, Color = AdaptiveTextColor.Accent,
                FontType = AdaptiveFontType.Default, HorizontalAlignment = AdaptiveHorizontalAlignment.Left, MaxLines = 2,
            },
            new AdaptiveTextBlock { Text = "<at>Anna Nowak</at>, ta faktura czeka na płatność.", Wrap = true, IsSubtle = true, Spacing = AdaptiveSpacing.Small },
            new AdaptiveRichTextBlock
            {
                HorizontalAlignment = AdaptiveHorizontalAlignment.Left,
                Inlines =
                [
                    new AdaptiveTextRun { Text = "Status: " },
                    new AdaptiveTextRun { Text = "nieopłacona", Weight = AdaptiveTextWeight.Bolder, Color = AdaptiveTextColor.Attention, Highlight = true },
                    new AdaptiveTextRun { Text = " (po terminie)", Italic = true, Size = AdaptiveTextSize.Small, Strikethrough = false, Underline = true },
                    new AdaptiveTextRun
                    {
                        Text = " szczegóły", FontType = AdaptiveFontType.Monospace, IsSubtle = true,
                        SelectAction = new AdaptiveOpenUrlAction { Url = new Uri("https://portal.example.com/invoices/FV-2026-11-042") },
                    },
                ],
            },
            new AdaptiveFactSet
            {
                Separator = true,
                Facts = [new AdaptiveFact("Kwota", "1 230,00 zł"), new AdaptiveFact("Termin", "2026-12-09"), new AdaptiveFact("Klient", "Kowalski Sp. z o.o.")],
            },
            new AdaptiveColumnSet
            {
                Style = AdaptiveContainerStyle.Emphasis, Bleed = true, MinHeightInPixels = 40,
                HorizontalAlignment = AdaptiveHorizontalAlignment.Center,
                SelectAction = new AdaptiveExecuteAction { Verb = "showPayments" },
                Columns =
                [
                    new AdaptiveColumn
                    {
                        Width = AdaptiveColumnWidth.Auto,
                        Items = [new AdaptiveImage { Url = new Uri("https://portal.example.com/logo.png"), AltText = "Logo", Size = AdaptiveImageSize.Small, Style = AdaptiveImageStyle.Person }],
                    },
                    new AdaptiveColumn { Width = AdaptiveColumnWidth.Stretch, Items = [new AdaptiveTextBlock { Text = "Do zapłaty", Wrap = true }] },
                    new AdaptiveColumn
                    {
                        Width = AdaptiveColumnWidth.Weight(2), Id = "amountColumn", Spacing = AdaptiveSpacing.Medium, Separator = true,
                        VerticalContentAlignment = AdaptiveVerticalContentAlignment.Center, Style = AdaptiveContainerStyle.Attention, Rtl = false,
                        Items = [new AdaptiveTextBlock { Text = "1 230,00 zł", HorizontalAlignment = AdaptiveHorizontalAlignment.Right }],
                    },
                    new AdaptiveColumn { Width = AdaptiveColumnWidth.Pixels(60), MinHeightInPixels = 20, Bleed = false, IsVisible = true, Items = [] },
                ],
            },
            new AdaptiveContainer
            {
                Style = AdaptiveContainerStyle.Good, Bleed = false, MinHeightInPixels = 30, Rtl = false,
                VerticalContentAlignment = AdaptiveVerticalContentAlignment.Center,
                SelectAction = new AdaptiveOpenUrlAction { Url = new Uri("https://portal.example.com/pay/FV-2026-11-042"), Title = "Zapłać" },
                Items = [new AdaptiveTextBlock { Text = "Zapłać online w portalu", Wrap = true, Color = AdaptiveTextColor.Good }],
            },
            new AdaptiveTable
            {
                FirstRowAsHeader = true, ShowGridLines = true, GridStyle = AdaptiveContainerStyle.Accent,
                HorizontalCellContentAlignment = AdaptiveHorizontalAlignment.Left, VerticalCellContentAlignment = AdaptiveVerticalAlignment.Center,
                Columns =
                [
                    new AdaptiveTableColumnDefinition { Width = AdaptiveTableColumnWidth.Weight(3) },
                    new AdaptiveTableColumnDefinition { Width = AdaptiveTableColumnWidth.Pixels(90), HorizontalCellContentAlignment = AdaptiveHorizontalAlignment.Right },
                ],
                Rows =
                [
                    new AdaptiveTableRow { Style = AdaptiveContainerStyle.Emphasis, Cells = [Cell("Pozycja"), Cell("Kwota")] },
                    new AdaptiveTableRow
                    {
                        VerticalCellContentAlignment = AdaptiveVerticalAlignment.Top,
                        Cells =
                        [
                            Cell("Microsoft 365 Business Standard"),
                            new AdaptiveTableCell
                            {
                                Style = AdaptiveContainerStyle.Warning, Bleed = false, MinHeightInPixels = 20, Rtl = false,
                                VerticalContentAlignment = AdaptiveVerticalContentAlignment.Bottom,
                                SelectAction = new AdaptiveSubmitAction { Data = new { line = 1 } },
                                Items = [new AdaptiveTextBlock { Text = "1 230,00 zł" }],
                            },
                        ],
                    },
                ],
            },
            new AdaptiveImage
            {
                Url = new Uri("https://portal.example.com/chart.png"), AltText = "Wykres płatności", WidthInPixels = 240,
                Height = AdaptiveHeight.Auto, BackgroundColor = "#DDDDDD", HorizontalAlignment = AdaptiveHorizontalAlignment.Center,
                Size = AdaptiveImageSize.Medium, Style = AdaptiveImageStyle.Default,
                SelectAction = new AdaptiveOpenUrlAction { Url = new Uri("https://portal.example.com/chart") },
            },
            new AdaptiveTextInput
            {
                Id = "comment", Label = "Komentarz", Placeholder = "Napisz, czego dotyczy pytanie", IsMultiline = true, MaxLength = 500,
                Style = AdaptiveTextInputStyle.Text, Value = "", Regex = "^.{0,500}$", ErrorMessage = "Najwyżej 500 znaków",
                InlineAction = new AdaptiveSubmitAction { Title = "Wyślij", Data = new { action = "comment" } },
            },
            new AdaptiveTextInput { Id = "email", Label = "E-mail", Style = AdaptiveTextInputStyle.Email, IsRequired = true, ErrorMessage = "Podaj adres e-mail" },
            new AdaptiveNumberInput { Id = "amount", Label = "Kwota wpłaty", Min = 0, Max = 1230.00m, Value = 1230.00m, Placeholder = "0,00" },
            new AdaptiveDateInput
            {
                Id = "payDate", Label = "Data wpłaty", Min = new DateOnly(2026, 11, 25), Max = new DateOnly(2026, 12, 31),
                Value = new DateOnly(2026, 12, 1), IsRequired = true, ErrorMessage = "Wybierz datę",
            },
            new AdaptiveTimeInput { Id = "callTime", Label = "Godzina kontaktu", Min = new TimeOnly(8, 0), Max = new TimeOnly(16, 30), Value = new TimeOnly(9, 15) },
            new AdaptiveToggleInput { Id = "reminders", Label = "Przypomnienia", Title = "Przypominaj mi o terminach", Value = "true", ValueOn = "true", ValueOff = "false", Wrap = true },
            new AdaptiveChoiceSetInput
            {
                Id = "topic", Label = "Temat", Style = AdaptiveChoiceInputStyle.Compact, IsMultiSelect = false, Value = "invoice",
                Placeholder = "Wybierz", Wrap = true, Height = AdaptiveHeight.Auto, IsVisible = true,
                Choices = [new AdaptiveChoice("Faktura", "invoice"), new AdaptiveChoice("Płatność", "payment"), new AdaptiveChoice("Inne", "other")],
            },
            new AdaptiveActionSet
            {
                Spacing = AdaptiveSpacing.Large,
                Actions =
                [
                    new AdaptiveSubmitAction { Title = "Pokaż faktury", Data = TeamsSubmitData.ImBack("pokaż faktury") },
                    new AdaptiveSubmitAction
                    {
                        Title = "Rozmowa z konsultantem",
                        Data = TeamsSubmitData.MessageBack("handoff", new { action = "handoff", invoice = "FV/2026/11/042" }, "Chcę porozmawiać z konsultantem"),
                    },
                ],
            },
        ],
        Actions =
        [
            new AdaptiveSubmitAction
            {
                Id = "pay", Title = "Zgłoś wpłatę", Style = AdaptiveActionStyle.Positive, Tooltip = "Powiadom nas o wpłacie",
                IconUrl = new Uri("https://portal.example.com/icons/pay.png"), AssociatedInputs = AdaptiveAssociatedInputs.Auto,
                Data = new { action = "reportPayment", invoice = "FV/2026/11/042" },
            },
            new AdaptiveExecuteAction
            {
                Title = "Odśwież status", Verb = "refreshInvoiceStatus", Data = new { invoice = "FV/2026/11/042" },
                AssociatedInputs = AdaptiveAssociatedInputs.None, IsEnabled = true,
            },
            new AdaptiveOpenUrlAction { Title = "Otwórz w portalu", Url = new Uri("https://portal.example.com/invoices/FV-2026-11-042") },
            new AdaptiveShowCardAction
            {
                Title = "Anuluj zgłoszenie", Style = AdaptiveActionStyle.Destructive,
                Card = new AdaptiveCard
                {
                    Body = [new AdaptiveTextBlock { Text = "Na pewno?", Wrap = true }],
                    Actions = [new AdaptiveSubmitAction { Title = "Tak, anuluj", Style = AdaptiveActionStyle.Destructive, Data = new { action = "cancel" } }],
                },
            },
        ],
    };

    private static AdaptiveTableCell Cell(string text) => new() { Items = [new AdaptiveTextBlock { Text = text, Wrap = true }] };
}
