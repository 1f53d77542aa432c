namespace BillingBot.Protocol.Schema;

/// <summary>The answer to an invoke activity, returned in the HTTP response body.</summary>
/// <param name="Status">The HTTP status of the POST that carried the invoke.</param>
/// <param name="Body">The JSON body (for example an adaptiveCard/action response).</param>
public sealed record InvokeResponse(int Status, object? Body = null);
