using System.Globalization;
using BillingBot.App.Resources;
using BillingBot.App.Staff;
using BillingBot.Billing.Handoff;
using BillingBot.Billing.Staff;

namespace BillingBot.App.Handoff;

/// <summary>
/// The agents' side of the relay. A message in a hand-off's thread from the agent who took it goes to the customer
/// ("end" ends the hand-off); a colleague's message there stays an internal note, and they are told so. In the
/// channel itself (outside any thread), an agent who is relaying exactly one hand-off writes to that customer.
/// </summary>
public sealed class HandoffRelayCommand(HandoffDesk desk) : IStaffCommand
{
    public string? Usage(StaffMember member, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.HasRole(StaffRole.SupportAgent) ? HandoffTexts.For(culture)["Usage_Relay"] : null;
    }

    public async Task<bool> TryHandleAsync(StaffTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Place != StaffPlace.AgentsChannel || turn.Member is not { } member)
        {
            return false;
        }

        var t = desk.AgentsFormat.Texts;
        HandoffRequest? request;
        if (turn.ThreadConversationId is { } thread)
        {
            request = await desk.FindByThreadAsync(turn.Target, thread, cancellationToken).ConfigureAwait(false);
            if (request is null)
            {
                // Another thread (a ticket's, a suspension's), or a hand-off already closed: not the relay's business.
                return false;
            }
        }
        else
        {
            var mine = await desk.RelayingByAsync(turn.Target, member.ObjectId, cancellationToken).ConfigureAwait(false);
            if (mine.Count != 1)
            {
                return false;
            }

            request = mine[0];
        }

        if (request.AwaitsAgent || request.State == HandoffState.Requested)
        {
            await turn.Context.SendActivityAsync(t["Thread_TakeFirst"], cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (!string.Equals(request.AcceptedBy?.ObjectId, member.ObjectId, StringComparison.OrdinalIgnoreCase))
        {
            await turn.Context.SendActivityAsync(t.Format("Thread_NotYours", request.AcceptedBy?.Name ?? string.Empty), cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (HandoffDesk.IsEndWord(turn.Text))
        {
            if (await desk.EndByAgentAsync(request.HandoffId, cancellationToken).ConfigureAwait(false) is null)
            {
                await turn.Context.SendActivityAsync(t["Thread_Closed"], cancellationToken).ConfigureAwait(false);
            }

            return true;
        }

        if (!await desk.RelayFromAgentAsync(request, member, turn.Text, cancellationToken).ConfigureAwait(false))
        {
            await turn.Context.SendActivityAsync(t["Thread_NotDelivered"], cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}
