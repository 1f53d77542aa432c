namespace BillingBot.App.Staff;

/// <summary>What a staff-management message asks for.</summary>
public enum StaffRequestKind
{
    /// <summary>"staff" / "personel": the staff list.</summary>
    List,

    /// <summary>"staff add …" / "personel dodaj …": add a person or give a role.</summary>
    Add,

    /// <summary>"staff remove …" / "personel usuń …": take a role away, or remove the person.</summary>
    Remove,
}
