using System.Net.Mail;

namespace BillingBot.Billing.Customers;

/// <summary>A person at the customer, known by their Entra object id (the aadObjectId of their Teams messages).</summary>
public sealed record BillingContact(string ObjectId, string Name, string Email, BillingContactRole Role)
{
    public string ObjectId { get; } = Guard.Required(ObjectId, nameof(ObjectId));

    public string Name { get; } = Guard.Required(Name, nameof(Name));

    public string Email { get; } = MailAddress.TryCreate(Email, out var address) && address.Address == Email
        ? Email
        : throw new ArgumentException($"'{Email}' is not an e-mail address.", nameof(Email));

    public BillingContactRole Role { get; } = Guard.Defined(Role, nameof(Role));

    /// <summary>Whether this person may see invoice amounts, balances and payments (Primary and Billing contacts).</summary>
    public bool CanSeeAmounts => Role is BillingContactRole.Primary or BillingContactRole.Billing;
}
