using BillingBot.App.Reminders;

namespace BillingBot.App.Suspensions;

/// <summary>A notice for the billing team that could not be posted yet, kept until the agents' channel takes it.</summary>
public sealed record KeptNotice(string Id, BillingTeamNotice Notice, DateTimeOffset KeptAt);
