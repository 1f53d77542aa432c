using BillingBot.Billing.Escalations;

namespace BillingBot.App.Escalations.Cards;

/// <summary>What the agents' ticket card shows: the ticket, whose it is, the time it is drawn at, the proposed route to Microsoft and who may act.</summary>
/// <param name="Ticket">The ticket as stored now.</param>
/// <param name="CustomerName">The customer's name, or null when the customer is no longer on file.</param>
/// <param name="OpenedByName">The name of the customer's person who opened it, when they are one of its contacts.</param>
/// <param name="Now">When the card is drawn: it decides whether the first response is overdue.</param>
/// <param name="ProposedRoute">The route to Microsoft the bot proposes for the ticket's category.</param>
/// <param name="WithActions">Whether to show the buttons (to support agents and billing admins only).</param>
/// <param name="RefreshUserIds">The staff whose Teams refreshes the card on its own when they open it.</param>
public sealed record TicketView(
    Ticket Ticket,
    string? CustomerName,
    string? OpenedByName,
    DateTimeOffset Now,
    MicrosoftSupportRoute ProposedRoute,
    bool WithActions,
    IReadOnlyList<string> RefreshUserIds);
