using BillingBot.Billing.Collections;

namespace BillingBot.App.Conversations.Cards;

/// <summary>What every card needs to know about its reader: their language, whether they may see amounts, and their today.</summary>
public sealed record CardContext(BillingFormat Format, bool ShowAmounts, DateOnly Today, CollectionPolicy Policy, string PartnerName);
