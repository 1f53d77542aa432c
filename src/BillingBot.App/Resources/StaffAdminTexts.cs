using System.Globalization;
using System.Resources;
using BillingBot.Billing.Staff;

namespace BillingBot.App.Resources;

/// <summary>
/// The texts of staff management in one language, from StaffAdminTexts.resx and StaffAdminTexts.pl.resx: the staff
/// list, the answers to changes, and picking the agents' channel. A missing text throws rather than show a key.
/// </summary>
public sealed class StaffAdminTexts : TextCatalog
{
    private static readonly ResourceManager Manager = new("BillingBot.App.Resources.StaffAdminTexts", typeof(StaffAdminTexts).Assembly);

    private StaffAdminTexts(CultureInfo culture)
        : base(Manager, culture)
    {
    }

    public static StaffAdminTexts For(CultureInfo culture) => new(culture);

    /// <summary>A role's name as the staff says it ("billing admin", "administrator rozliczeń").</summary>
    public string Role(StaffRole role) => this["Role_" + role];

    /// <summary>Every role's name, comma-separated, for help texts.</summary>
    public string AllRoles => string.Join(", ", Enum.GetValues<StaffRole>().Select(Role));
}
