using BillingBot.Billing.Invoices;
using BillingBot.Protocol.Cards;

namespace BillingBot.App.Conversations.Cards;

/// <summary>The pieces our cards share: a title, a status in its colour, a button that posts back to the bot.</summary>
internal static class CardParts
{
    public static AdaptiveTextBlock Title(string text) =>
        new() { Text = text, Size = AdaptiveTextSize.Large, Weight = AdaptiveTextWeight.Bolder, Wrap = true };

    public static AdaptiveTextBlock Heading(string text) =>
        new() { Text = text, Weight = AdaptiveTextWeight.Bolder, Wrap = true, Spacing = AdaptiveSpacing.Medium };

    public static AdaptiveTextBlock Text(string text, AdaptiveTextColor? color = null, bool subtle = false) =>
        new() { Text = text, Wrap = true, Color = color, IsSubtle = subtle ? true : null };

    public static AdaptiveTextColor StatusColor(InvoiceStatus status) => status switch
    {
        InvoiceStatus.Paid => AdaptiveTextColor.Good,
        InvoiceStatus.Overdue => AdaptiveTextColor.Attention,
        InvoiceStatus.PartiallyPaid or InvoiceStatus.Disputed => AdaptiveTextColor.Warning,
        _ => AdaptiveTextColor.Default,
    };

    public static string StatusText(BillingFormat format, InvoiceStatus status) => format.Texts["Status_" + status];

    /// <summary>The warning an overdue invoice carries: the suspension date ahead, or that suspension may happen now.</summary>
    public static AdaptiveTextBlock SuspensionWarning(Invoice invoice, CardContext context)
    {
        var date = context.Policy.SuspensionDate(invoice.DueDate);
        var text = context.Today >= date
            ? context.Format.Texts["Card_SuspendableNow"]
            : context.Format.Texts.Format("Card_SuspensionWarning", context.Format.Date(date));
        return Text(text, AdaptiveTextColor.Attention);
    }

    public static AdaptiveSubmitAction Submit(string title, BillingCardAction action) => new() { Title = title, Data = action };

    public static AdaptiveTableCell Cell(string text, AdaptiveTextColor? color = null) =>
        new() { Items = [new AdaptiveTextBlock { Text = text, Wrap = true, Color = color }] };

    public static AdaptiveCard Card(IList<AdaptiveElement> body, IList<AdaptiveAction>? actions, string fallback, string language) => new()
    {
        Body = body,
        Actions = actions is { Count: > 0 } ? actions : null,
        FallbackText = fallback,
        Lang = language,
        MsTeams = new TeamsCardProperties { Width = TeamsCardWidth.Full },
    };
}
