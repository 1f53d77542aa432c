using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>How Teams turns an Action.Submit carrying data.msteams into an activity.</summary>
[JsonConverter(typeof(CardEnumConverter<TeamsCardActionType>))]
public enum TeamsCardActionType
{
    /// <summary>Posts the value as a visible message from the user.</summary>
    ImBack,

    /// <summary>Sends text and value to the bot and shows displayText in the chat.</summary>
    MessageBack,

    /// <summary>Sends an invoke activity carrying the value; nothing shows in the chat.</summary>
    Invoke,

    /// <summary>Starts an OAuth sign-in at the URL in value.</summary>
    Signin,

    /// <summary>Opens a dialog (task module) fetched from the bot.</summary>
    [JsonStringEnumMemberName("task/fetch")] TaskFetch,
}
