namespace BillingBot.Billing.Staff;

/// <summary>
/// The rules of changing the partner's staff in chat. The staff is the configured members (the bootstrap, changed
/// only in configuration) together with the stored ones; a person in both has the roles of both, under the configured
/// name. A change never touches a configured person or role, and never leaves the staff without a user-management
/// admin; only a user-management admin may change anything. The rules decide on the stored list as read; <see cref="IStaffRoster.ChangeAsync"/> writes the decision only
/// if the list is still as read.
/// </summary>
public sealed class StaffRules
{
    private readonly Dictionary<string, StaffMember> _configured;

    public StaffRules(IEnumerable<StaffMember> configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        _configured = configured.ToDictionary(m => Key(m.ObjectId), StringComparer.Ordinal);
    }

    /// <summary>How an object id is compared and stored: trimmed, lower case (Entra object ids are GUIDs).</summary>
    public static string Key(string objectId)
    {
        ArgumentNullException.ThrowIfNull(objectId);
        return objectId.Trim().ToLowerInvariant();
    }

    /// <summary>The configured member with this object id, or null.</summary>
    public StaffMember? Configured(string objectId) => _configured.GetValueOrDefault(Key(objectId));

    /// <summary>A person as the staff knows them: the configured entry and the stored one together.</summary>
    public static StaffMember? Merge(StaffMember? configured, StaffMember? stored) => (configured, stored) switch
    {
        (null, null) => null,
        ({ } c, null) => c,
        (null, { } s) => s,
        ({ } c, { } s) => new StaffMember(c.ObjectId, c.Name, [.. c.Roles, .. s.Roles]),
    };

    /// <summary>Everyone on the staff, configured or stored, by name.</summary>
    public IReadOnlyList<StaffMember> Effective(IReadOnlyList<StaffMember> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var byKey = stored.ToDictionary(m => Key(m.ObjectId), StringComparer.Ordinal);
        return [.. _configured.Keys.Union(byKey.Keys, StringComparer.Ordinal)
            .Select(k => Merge(_configured.GetValueOrDefault(k), byKey.GetValueOrDefault(k))!)
            .OrderBy(m => m.Name, StringComparer.CurrentCulture)
            .ThenBy(m => m.ObjectId, StringComparer.Ordinal)];
    }

    /// <summary>Gives a person a role, adding them under <paramref name="name"/> when they are not on the staff yet.</summary>
    public StaffChange Grant(IReadOnlyList<StaffMember> stored, string actorObjectId, string objectId, StaffRole role, string? name)
    {
        var key = Key(Guard.Required(objectId, nameof(objectId)));
        Guard.Defined(role, nameof(role));
        var (configured, own) = Find(stored, key);
        if (!MayChange(stored, actorObjectId))
        {
            return new StaffChange(StaffChangeOutcome.NotAllowed, key, Merge(configured, own)?.Name, role, own);
        }

        var current = Merge(configured, own);
        if (current?.HasRole(role) == true)
        {
            return new StaffChange(StaffChangeOutcome.AlreadyHad, key, current.Name, role, own);
        }

        var newName = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        var storedName = own?.Name ?? configured?.Name ?? newName;
        if (storedName is null)
        {
            return new StaffChange(StaffChangeOutcome.NameRequired, key, null, role, null);
        }

        var after = new StaffMember(key, storedName, [.. own?.Roles ?? [], role]);
        return new StaffChange(current is null ? StaffChangeOutcome.Added : StaffChangeOutcome.Granted, key, configured?.Name ?? storedName, role, after);
    }

    /// <summary>Takes a role away; a person left without roles (and not configured) leaves the staff.</summary>
    public StaffChange Revoke(IReadOnlyList<StaffMember> stored, string actorObjectId, string objectId, StaffRole role)
    {
        var key = Key(Guard.Required(objectId, nameof(objectId)));
        Guard.Defined(role, nameof(role));
        var (configured, own) = Find(stored, key);
        if (!MayChange(stored, actorObjectId))
        {
            return new StaffChange(StaffChangeOutcome.NotAllowed, key, Merge(configured, own)?.Name, role, own);
        }

        if (Merge(configured, own) is not { } current)
        {
            return new StaffChange(StaffChangeOutcome.NotOnStaff, key, null, role, null);
        }

        if (!current.HasRole(role))
        {
            return new StaffChange(StaffChangeOutcome.DidNotHave, key, current.Name, role, own);
        }

        if (configured?.HasRole(role) == true)
        {
            return new StaffChange(StaffChangeOutcome.InConfiguration, key, current.Name, role, own);
        }

        var roles = own!.Roles.Where(r => r != role).ToList();
        var after = roles.Count == 0 ? null : new StaffMember(own.ObjectId, own.Name, roles);
        if (role == StaffRole.UserManagementAdmin && !LeavesUserAdmin(stored, key, after))
        {
            return new StaffChange(StaffChangeOutcome.LastUserAdmin, key, current.Name, role, own);
        }

        var outcome = after is null && configured is null ? StaffChangeOutcome.Removed : StaffChangeOutcome.Revoked;
        return new StaffChange(outcome, key, current.Name, role, after);
    }

    /// <summary>Takes a person off the staff, with all their roles; configured people stay.</summary>
    public StaffChange Remove(IReadOnlyList<StaffMember> stored, string actorObjectId, string objectId)
    {
        var key = Key(Guard.Required(objectId, nameof(objectId)));
        var (configured, own) = Find(stored, key);
        if (!MayChange(stored, actorObjectId))
        {
            return new StaffChange(StaffChangeOutcome.NotAllowed, key, Merge(configured, own)?.Name, null, own);
        }

        if (Merge(configured, own) is not { } current)
        {
            return new StaffChange(StaffChangeOutcome.NotOnStaff, key, null, null, null);
        }

        if (configured is not null)
        {
            return new StaffChange(StaffChangeOutcome.InConfiguration, key, current.Name, null, own);
        }

        if (own!.HasRole(StaffRole.UserManagementAdmin) && !LeavesUserAdmin(stored, key, null))
        {
            return new StaffChange(StaffChangeOutcome.LastUserAdmin, key, current.Name, StaffRole.UserManagementAdmin, own);
        }

        return new StaffChange(StaffChangeOutcome.Removed, key, current.Name, null, null);
    }

    /// <summary>Whether the person asking is a user-management admin on the list as read (not as it was when they wrote).</summary>
    private bool MayChange(IReadOnlyList<StaffMember> stored, string actorObjectId)
    {
        if (string.IsNullOrWhiteSpace(actorObjectId))
        {
            return false;
        }

        var (configured, own) = Find(stored, Key(actorObjectId));
        return Merge(configured, own)?.HasRole(StaffRole.UserManagementAdmin) == true;
    }

    private (StaffMember? Configured, StaffMember? Stored) Find(IReadOnlyList<StaffMember> stored, string key)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return (_configured.GetValueOrDefault(key), stored.FirstOrDefault(m => Key(m.ObjectId) == key));
    }

    /// <summary>Whether someone can still manage the staff once the person's stored entry becomes <paramref name="after"/>.</summary>
    private bool LeavesUserAdmin(IReadOnlyList<StaffMember> stored, string key, StaffMember? after)
    {
        var changed = stored.Where(m => Key(m.ObjectId) != key).Append(after).OfType<StaffMember>().ToList();
        return Effective(changed).Any(m => m.HasRole(StaffRole.UserManagementAdmin));
    }
}
