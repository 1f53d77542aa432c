using BillingBot.App.Configuration;

namespace BillingBot.App.Sales;

/// <summary>
/// The sales team as configured under "Sales": how customers reach it ("Sales:Contacts:0:Kind", ":Value") when the bot
/// cannot pass a request on. Without contacts, the support contacts are quoted instead.
/// </summary>
public sealed class SalesOptions
{
    public const string SectionName = "Sales";

    public List<ContactMethodOptions> Contacts { get; set; } = [];
}
