using BillingBot.Protocol.Schema;

namespace BillingBot.Protocol.Turns;

/// <summary>
/// Sees the activities a turn is about to send, as the Bot Framework's handler of the same name does: it may look at
/// or change them, and calls <paramref name="next"/> to send them (or not, to drop them).
/// </summary>
public delegate Task<ResourceResponse[]> SendActivitiesHandler(ITurnContext turnContext, List<Activity> activities, Func<Task<ResourceResponse[]>> next);
