namespace BillingBot.App.Staff;

/// <summary>What became of an attempt to make a channel the agents' channel.</summary>
public enum ChannelPickResult
{
    /// <summary>The channel is the agents' channel now.</summary>
    Picked,

    /// <summary>It already was; nothing changed.</summary>
    Already,

    /// <summary>The person may not pick the agents' channel (or not in this tenant); nothing changed.</summary>
    NotAllowed,

    /// <summary>It was not written in a team channel; nothing changed.</summary>
    NotAChannel,
}
