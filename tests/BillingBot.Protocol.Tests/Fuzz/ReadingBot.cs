using System.Text.Json;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.Turns;

namespace BillingBot.Protocol.Tests.Fuzz;

/// <summary>
/// A bot that reads everything a bot reads of an activity through the protocol's conveniences (the text without the
/// bot's mention, the tenant, the members added, the submitted value, the conversation reference) and answers: a reply
/// to a message, an invoke response to an invoke.
/// </summary>
internal sealed class ReadingBot : IBot
{
    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var text = activity.GetTextWithoutBotMention();
        _ = activity.GetMentions().Select(m => (m.Mentioned?.Id, m.Text)).ToList();
        _ = activity.GetTenantId();
        _ = activity.IsBotAdded() || activity.IsBotRemoved();
        _ = JsonSerializer.Serialize(activity.GetConversationReference(), ProtocolJson.Options);
        var value = activity.GetValueElement();
        if (activity.Type == ActivityTypes.Invoke)
        {
            turnContext.InvokeResponse = new InvokeResponse(200, new { kind = value?.ValueKind.ToString() ?? "none" });
            return;
        }

        if (activity.Type == ActivityTypes.Message && (text.Length > 0 || value is not null))
        {
            await turnContext.SendActivityAsync(text.Length > 0 ? "You said " + text.Length + " characters." : "Got your click.", cancellationToken).ConfigureAwait(false);
        }
    }
}
