namespace BillingBot.Billing.Staff;

/// <summary>What a change of the staff list came to.</summary>
public enum StaffChangeOutcome
{
    /// <summary>The person was not on the staff list and is now, with the role.</summary>
    Added,

    /// <summary>The person, already on the staff list, has the role now.</summary>
    Granted,

    /// <summary>The person already had the role; nothing changed.</summary>
    AlreadyHad,

    /// <summary>The role was taken away; the person stays on the staff list with their other roles.</summary>
    Revoked,

    /// <summary>The person is no longer on the staff list (removed, or their last role was taken away).</summary>
    Removed,

    /// <summary>The person does not have the role; nothing changed.</summary>
    DidNotHave,

    /// <summary>Nobody with that object id is on the staff list; nothing changed.</summary>
    NotOnStaff,

    /// <summary>The person or role is in the configuration ("Staff:Members"), which chat cannot change; nothing changed.</summary>
    InConfiguration,

    /// <summary>The change would leave nobody who can manage the staff; nothing changed.</summary>
    LastUserAdmin,

    /// <summary>The person asking is not a user-management admin; nothing changed.</summary>
    NotAllowed,

    /// <summary>Someone new needs a name to be added; nothing changed.</summary>
    NameRequired,
}
