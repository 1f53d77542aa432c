using System.Globalization;
using BillingBot.App.Resources;
using BillingBot.Billing.Staff;

namespace BillingBot.App.Staff;

/// <summary>
/// "use this channel" on the staff desk: its line in the staff help (for user-management admins), and, when written
/// where no channel can be picked (a personal chat), the hint to write it in the channel. In a channel the message
/// never reaches the desk: <see cref="AgentsChannelPicker.TryHandleMessageAsync"/> answers it first.
/// </summary>
public sealed class UseChannelCommand(AgentsChannelPicker picker) : IStaffCommand
{
    public string? Usage(StaffMember member, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.HasRole(StaffRole.UserManagementAdmin) ? StaffAdminTexts.For(culture)["Usage_UseChannel"] : null;
    }

    public async Task<bool> TryHandleAsync(StaffTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (AgentsChannelPicker.PhraseCulture(turn.Text) is not { } culture)
        {
            return false;
        }

        var outcome = await picker.PickAsync(turn.Context.Activity, cancellationToken).ConfigureAwait(false);
        await turn.Context.SendActivityAsync(picker.Answer(outcome, culture), cancellationToken).ConfigureAwait(false);
        return true;
    }
}
