namespace BillingBot.App.Tests.Faults;

/// <summary>What Entra does when the app asks for its token.</summary>
public enum TokenState
{
    Issued,
    Refused,
    Silent,
}
