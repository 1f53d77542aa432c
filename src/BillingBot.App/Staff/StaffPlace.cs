namespace BillingBot.App.Staff;

/// <summary>Where a member of the partner's staff wrote to the bot.</summary>
public enum StaffPlace
{
    /// <summary>The agents' channel, or a thread in it (a hand-off's, a ticket's).</summary>
    AgentsChannel,

    /// <summary>The sales agents' channel, when it is a channel of its own.</summary>
    SalesChannel,

    /// <summary>Their personal chat with the bot, in the partner's own tenant.</summary>
    PersonalChat,
}
