namespace BillingBot.TestKit.Channel;

internal enum ConnectorOperation
{
    Unknown,
    CreateConversation,
    SendToConversation,
    ReplyToActivity,
    UpdateActivity,
    DeleteActivity,
    GetMember,
}
