namespace BillingBot.Billing.Staff;

/// <summary>What a person of the partner's staff does (the roles Partner Center's billing support page names).</summary>
public enum StaffRole
{
    /// <summary>Agent pomocy technicznej: answers customers' support requests.</summary>
    SupportAgent,

    /// <summary>Administrator rozliczeń: decides on billing matters, such as approving a suspension.</summary>
    BillingAdmin,

    /// <summary>Agent sprzedaży.</summary>
    SalesAgent,

    /// <summary>Administrator zarządzania użytkownikami.</summary>
    UserManagementAdmin,
}
