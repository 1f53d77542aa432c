using System.Globalization;
using BillingBot.Billing.Staff;
using BillingBot.Protocol.Schema;

namespace BillingBot.App.Staff;

/// <summary>
/// A staff-management message as understood: what it asks, in which language (the command word's), whom it is about
/// (an Entra object id, or a Teams @mention to look up), the role, the name for someone new, and a role word that
/// was not understood.
/// </summary>
/// <param name="Kind">List, add or remove.</param>
/// <param name="Culture">English for "staff", Polish for "personel".</param>
/// <param name="ObjectId">The person's Entra object id, when written out.</param>
/// <param name="Mentioned">The person @mentioned instead, when there is one.</param>
/// <param name="Role">The role, when named.</param>
/// <param name="Name">The name given after the role, when any.</param>
/// <param name="UnknownRole">The first word where a role was expected but none is known, when that happened.</param>
public sealed record StaffRequest(
    StaffRequestKind Kind,
    CultureInfo Culture,
    string? ObjectId,
    ChannelAccount? Mentioned,
    StaffRole? Role,
    string? Name,
    string? UnknownRole)
{
    /// <summary>Whether the message names the person at all.</summary>
    public bool HasPerson => ObjectId is not null || Mentioned is not null;
}
