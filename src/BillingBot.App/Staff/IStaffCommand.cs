using System.Globalization;
using BillingBot.Billing.Staff;

namespace BillingBot.App.Staff;

/// <summary>
/// Something the partner's staff can do by writing to the bot (in the agents' channel, a thread of it, or a personal
/// chat): relay a hand-off reply, manage staff, ask for a touchpoint summary… The desk asks each in turn; the first
/// that takes the message answers it. Each command checks the writer's roles itself.
/// </summary>
public interface IStaffCommand
{
    /// <summary>The command's line in the staff help for this member, or null when it has none for them.</summary>
    string? Usage(StaffMember member, CultureInfo culture);

    /// <summary>Answers the message when it is this command (true); false lets the next command try.</summary>
    Task<bool> TryHandleAsync(StaffTurn turn, CancellationToken cancellationToken);
}
