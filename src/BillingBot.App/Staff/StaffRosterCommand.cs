using System.Globalization;
using System.Text;
using BillingBot.App.Bot;
using BillingBot.App.Resources;
using BillingBot.Billing.Staff;
using BillingBot.Protocol.Cards;
using BillingBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Staff;

/// <summary>
/// Staff management in chat: "staff" / "personel" lists everyone with their roles (any staff member may ask);
/// "staff add …" / "personel dodaj …" and "staff remove …" / "personel usuń …" change the list, for user-management
/// admins only. The person is named by Entra object id or by @mention. The configured members are shown but not
/// changed, and the last user-management admin keeps the role (see <see cref="StaffRules"/>). Every change and
/// refusal is logged with who asked, the role and the object id.
/// </summary>
public sealed partial class StaffRosterCommand(
    IStaffRoster roster,
    ConfiguredStaffDirectory configured,
    TeamsMembers members,
    IOptions<BotOptions> bot,
    ILogger<StaffRosterCommand> logger) : IStaffCommand
{
    public string? Usage(StaffMember member, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(member);
        return StaffAdminTexts.For(culture)[member.HasRole(StaffRole.UserManagementAdmin) ? "Usage_Manage" : "Usage_List"];
    }

    public async Task<bool> TryHandleAsync(StaffTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Member is not { } member || StaffRequestParser.Parse(turn.Text, turn.Context.Activity) is not { } request)
        {
            return false;
        }

        var texts = StaffAdminTexts.For(request.Culture);
        var answer = request.Kind == StaffRequestKind.List
            ? await ListAsync(member, texts, cancellationToken).ConfigureAwait(false)
            : await ChangeAsync(turn, member, request, texts, cancellationToken).ConfigureAwait(false);
        var message = ActivityExtensions.CreateMessage(answer);
        message.TextFormat = "markdown";
        await turn.Context.SendActivityAsync(message, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<string> ListAsync(StaffMember member, StaffAdminTexts texts, CancellationToken cancellationToken)
    {
        var rules = configured.Rules;
        var everyone = rules.Effective(await roster.ListAsync(cancellationToken).ConfigureAwait(false));
        var answer = new StringBuilder(texts.Format("List_Title", bot.Value.PartnerName)).Append('\n');
        if (everyone.Count == 0)
        {
            answer.Append('\n').Append(texts["List_Empty"]);
        }

        foreach (var person in everyone)
        {
            var roles = person.Roles.Count == 0 ? texts["List_NoRole"] : string.Join(", ", person.Roles.Order().Select(texts.Role));
            var line = rules.Configured(person.ObjectId) is null ? "List_Line" : "List_LineConfigured";
            answer.Append('\n').Append(texts.Format(line, MarkdownText.Escape(person.Name), roles, person.ObjectId));
        }

        if (member.HasRole(StaffRole.UserManagementAdmin))
        {
            answer.Append("\n\n").Append(texts.Format("List_HowToChange", texts.AllRoles));
        }

        return answer.ToString();
    }

    private async Task<string> ChangeAsync(StaffTurn turn, StaffMember member, StaffRequest request, StaffAdminTexts texts, CancellationToken cancellationToken)
    {
        var what = request.Kind.ToString();
        if (!member.HasRole(StaffRole.UserManagementAdmin))
        {
            Log.Refused(logger, member.ObjectId, what, StaffChangeOutcome.NotAllowed.ToString());
            return texts["Refused_NotUserAdmin"];
        }

        var usage = request.Kind == StaffRequestKind.Add ? "Parse_AddUsage" : "Parse_RemoveUsage";
        if (request.UnknownRole is { } unknown)
        {
            return texts.Format("Parse_UnknownRole", unknown, texts.AllRoles);
        }

        if (!request.HasPerson || (request.Kind == StaffRequestKind.Add && request.Role is null))
        {
            return texts.Format(usage, texts.AllRoles);
        }

        var objectId = request.ObjectId;
        var name = request.Name;
        if (request.Mentioned is { } mentioned)
        {
            if (await members.ResolveAsync(turn.Context.Activity, mentioned, cancellationToken).ConfigureAwait(false) is not { AadObjectId: { } found } person)
            {
                return texts.Format("Mention_NotFound", MarkdownText.Escape(mentioned.Name ?? mentioned.Id ?? string.Empty));
            }

            objectId = found;
            name ??= person.Name ?? mentioned.Name;
        }

        var rules = configured.Rules;
        var actor = member.ObjectId;
        var change = await roster.ChangeAsync(
            stored => request switch
            {
                { Kind: StaffRequestKind.Add, Role: { } role } => rules.Grant(stored, actor, objectId!, role, name),
                { Role: { } role } => rules.Revoke(stored, actor, objectId!, role),
                _ => rules.Remove(stored, actor, objectId!),
            },
            cancellationToken).ConfigureAwait(false);

        if (change.Writes)
        {
            Log.Changed(logger, actor, what, change.Outcome.ToString(), change.Role?.ToString() ?? "all", change.ObjectId);
        }
        else
        {
            Log.Refused(logger, actor, what, change.Outcome.ToString());
        }

        return Answer(change, request, actor, texts);
    }

    private static string Answer(StaffChange change, StaffRequest request, string actor, StaffAdminTexts texts)
    {
        var who = MarkdownText.Escape(change.Name ?? change.ObjectId);
        var role = change.Role is { } r ? texts.Role(r) : string.Empty;
        return change.Outcome switch
        {
            StaffChangeOutcome.Added => texts.Format("Change_GrantedNew", who, role),
            StaffChangeOutcome.Granted => texts.Format("Change_Granted", who, role),
            StaffChangeOutcome.AlreadyHad => texts.Format("Change_AlreadyHad", who, role),
            StaffChangeOutcome.Revoked => texts.Format("Change_Revoked", who, role),
            StaffChangeOutcome.Removed => texts.Format("Change_Removed", who),
            StaffChangeOutcome.DidNotHave => texts.Format("Change_DidNotHave", who, role),
            StaffChangeOutcome.NotOnStaff => texts.Format("Change_NotOnStaff", change.ObjectId),
            StaffChangeOutcome.InConfiguration when change.Role is not null => texts.Format("Change_RoleInConfiguration", who, role),
            StaffChangeOutcome.InConfiguration => texts.Format("Change_InConfiguration", who),
            StaffChangeOutcome.LastUserAdmin when StaffRules.Key(change.ObjectId) == StaffRules.Key(actor) => texts["Change_LastUserAdminSelf"],
            StaffChangeOutcome.LastUserAdmin => texts.Format("Change_LastUserAdmin", who),
            StaffChangeOutcome.NameRequired => texts.Format("Change_NameRequired", change.ObjectId, texts.Role(request.Role ?? StaffRole.SupportAgent)),
            _ => texts["Refused_NotUserAdmin"],
        };
    }

    private static partial class Log
    {
        [LoggerMessage(7162, LogLevel.Information, "Staff changed by {ActorObjectId}: {Request} {Outcome}, role {Role}, person {ObjectId}")]
        public static partial void Changed(ILogger logger, string actorObjectId, string request, string outcome, string role, string objectId);

        [LoggerMessage(7163, LogLevel.Information, "Staff change ({Request}) asked by {ActorObjectId} not made: {Outcome}")]
        public static partial void Refused(ILogger logger, string actorObjectId, string request, string outcome);
    }
}
