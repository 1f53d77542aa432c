namespace BillingBot.Protocol.Turns;

/// <summary>The HTTP statuses the adapter answers with.</summary>
internal static class StatusCodes
{
    public const int OK = 200;
    public const int BadRequest = 400;
    public const int Unauthorized = 401;
    public const int PayloadTooLarge = 413;
    public const int UnsupportedMediaType = 415;
    public const int NotImplemented = 501;
}
