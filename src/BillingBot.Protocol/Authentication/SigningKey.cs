using Microsoft.IdentityModel.Tokens;

namespace BillingBot.Protocol.Authentication;

/// <summary>A published signing key with the channels it is endorsed for (Bot Framework keys carry endorsements).</summary>
public sealed record SigningKey(SecurityKey Key, IReadOnlyList<string> Endorsements);
