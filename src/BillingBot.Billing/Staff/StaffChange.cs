namespace BillingBot.Billing.Staff;

/// <summary>
/// A decided change of the stored staff list: its outcome, whom it is about (their object id and name, when known),
/// the role it concerns, and, when it writes, the stored entry as it becomes (null: the stored entry goes).
/// </summary>
/// <param name="Outcome">What the change came to.</param>
/// <param name="ObjectId">The Entra object id of the person it is about.</param>
/// <param name="Name">The person's name, when they are or were on the staff list (or were named).</param>
/// <param name="Role">The role it concerns; null when it is about the person as a whole.</param>
/// <param name="Stored">The stored entry after the change (null removes it); meaningful only when <see cref="Writes"/>.</param>
public sealed record StaffChange(StaffChangeOutcome Outcome, string ObjectId, string? Name, StaffRole? Role, StaffMember? Stored)
{
    /// <summary>Whether the change writes to the stored staff list; every other outcome leaves it as it is.</summary>
    public bool Writes => Outcome is StaffChangeOutcome.Added or StaffChangeOutcome.Granted or StaffChangeOutcome.Revoked or StaffChangeOutcome.Removed;
}
