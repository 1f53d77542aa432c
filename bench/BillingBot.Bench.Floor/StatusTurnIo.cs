using System.Net.Http.Headers;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace BillingBot.Bench.Floor;

/// <summary>
/// The storage round trips and the outbound POST of one invoice-status turn, in the bot's order, against the bot's
/// own tables (the same rows, seeded by the bot): claim the activity id (create-only insert), read the stored
/// conversation reference, the agents' channel setting, the conversation's state, the customer and its open hand-off,
/// record the question (insert), read the invoice, write the state back (conditional on its ETag), and post the
/// reply card to the channel. No parsing beyond the five fields it needs, no understanding, no card building.
/// </summary>
public sealed class StatusTurnIo
{
    public const string ChannelClient = "channel";
    private const string Invoice = "invoice|FV%2F2026%2F10%2F017";
    private readonly TableClient _claims;
    private readonly TableClient _references;
    private readonly TableClient _staff;
    private readonly TableClient _state;
    private readonly TableClient _billing;
    private readonly TableClient _handoffs;
    private readonly TableClient _touchpoints;
    private readonly byte[] _reply;
    private readonly string _statePayload = new('s', 2000);

    public StatusTurnIo(string connectionString, string prefix, byte[]? reply)
    {
        var service = new TableServiceClient(connectionString);
        _claims = Table(service, prefix + "ActivityClaims");
        _references = Table(service, prefix + "ConversationReferences");
        _staff = Table(service, prefix + "Staff");
        _state = Table(service, prefix + "BotState");
        _billing = Table(service, prefix + "Billing");
        _handoffs = Table(service, prefix + "HandoffsByConversation");
        _touchpoints = Table(service, prefix + "Touchpoints");
        _reply = reply ?? """{"type":"message","text":"floor"}"""u8.ToArray();
    }

    public async Task HandleAsync(HttpContext context, HttpClient channel)
    {
        var ct = context.RequestAborted;
        using var activity = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: ct).ConfigureAwait(false);
        var root = activity.RootElement;
        var id = root.GetProperty("id").GetString()!;
        var serviceUrl = root.GetProperty("serviceUrl").GetString()!;
        var conversation = root.GetProperty("conversation").GetProperty("id").GetString()!;
        var tenant = root.GetProperty("conversation").GetProperty("tenantId").GetString()!;
        var user = root.GetProperty("from").GetProperty("aadObjectId").GetString()!;
        var conversationKey = "msteams%2Fconversations%2F" + Uri.EscapeDataString(conversation);

        await _claims.AddEntityAsync(new TableEntity(conversationKey, Uri.EscapeDataString(id)), ct).ConfigureAwait(false);
        await _references.GetEntityIfExistsAsync<TableEntity>(tenant, "user:" + user, cancellationToken: ct).ConfigureAwait(false);
        await _staff.GetEntityIfExistsAsync<TableEntity>("settings", "agents-channel", cancellationToken: ct).ConfigureAwait(false);
        var state = await _state.GetEntityIfExistsAsync<TableEntity>(conversationKey, "state", cancellationToken: ct).ConfigureAwait(false);
        await _billing.GetEntityIfExistsAsync<TableEntity>(tenant, "customer", cancellationToken: ct).ConfigureAwait(false);
        await _handoffs.GetEntityIfExistsAsync<TableEntity>(Uri.EscapeDataString(conversation), "open", cancellationToken: ct).ConfigureAwait(false);
        await _touchpoints.AddEntityAsync(new TableEntity(tenant, Guid.NewGuid().ToString("N")) { ["Intent"] = "InvoiceStatus", ["At"] = DateTimeOffset.UtcNow }, ct).ConfigureAwait(false);
        await _billing.GetEntityIfExistsAsync<TableEntity>(tenant, Invoice, cancellationToken: ct).ConfigureAwait(false);
        var entity = new TableEntity(conversationKey, "state") { ["Json"] = _statePayload };
        if (state.HasValue && state.Value is { } existing)
        {
            await _state.UpdateEntityAsync(entity, existing.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
        }
        else
        {
            await _state.AddEntityAsync(entity, ct).ConfigureAwait(false);
        }

        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(serviceUrl), $"v3/conversations/{Uri.EscapeDataString(conversation)}/activities/{Uri.EscapeDataString(id)}"))
        {
            Content = new ByteArrayContent(_reply),
        };
        post.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var answer = await channel.SendAsync(post, ct).ConfigureAwait(false);
        context.Response.StatusCode = answer.IsSuccessStatusCode ? StatusCodes.Status200OK : StatusCodes.Status502BadGateway;
    }

    private static TableClient Table(TableServiceClient service, string name)
    {
        var table = service.GetTableClient(name);
        table.CreateIfNotExists();
        return table;
    }
}
