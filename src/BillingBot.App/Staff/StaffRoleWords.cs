using BillingBot.Billing.Staff;

namespace BillingBot.App.Staff;

/// <summary>
/// How the staff may name a role when they write to the bot, in English and Polish, as folded text (lower case, no
/// diacritics, hyphens as spaces): "billing admin", "administrator rozliczen", or the enum name ("billingadmin").
/// </summary>
public static class StaffRoleWords
{
    private static readonly (string Phrase, StaffRole Role)[] Phrases = [.. new (string, StaffRole)[]
    {
        ("support agent", StaffRole.SupportAgent),
        ("support", StaffRole.SupportAgent),
        ("agent pomocy technicznej", StaffRole.SupportAgent),
        ("agent pomocy", StaffRole.SupportAgent),
        ("billing admin", StaffRole.BillingAdmin),
        ("billing administrator", StaffRole.BillingAdmin),
        ("administrator rozliczen", StaffRole.BillingAdmin),
        ("admin rozliczen", StaffRole.BillingAdmin),
        ("sales agent", StaffRole.SalesAgent),
        ("sales", StaffRole.SalesAgent),
        ("agent sprzedazy", StaffRole.SalesAgent),
        ("user admin", StaffRole.UserManagementAdmin),
        ("users admin", StaffRole.UserManagementAdmin),
        ("user management admin", StaffRole.UserManagementAdmin),
        ("user management administrator", StaffRole.UserManagementAdmin),
        ("administrator zarzadzania uzytkownikami", StaffRole.UserManagementAdmin),
        ("admin zarzadzania uzytkownikami", StaffRole.UserManagementAdmin),
        ("administrator uzytkownikow", StaffRole.UserManagementAdmin),
        ("admin uzytkownikow", StaffRole.UserManagementAdmin),
    }.Concat(Enum.GetValues<StaffRole>().Select(r => (r.ToString().ToLowerInvariant(), r)))
     .OrderByDescending(p => p.Item1.Length)];

    /// <summary>
    /// The role that <paramref name="folded"/> starts with (the longest phrase that ends at a space or the end) and the
    /// length it takes; <paramref name="folded"/> is folded text with hyphens and underscores as spaces.
    /// </summary>
    public static bool TryMatchStart(string folded, out StaffRole role, out int length)
    {
        ArgumentNullException.ThrowIfNull(folded);
        foreach (var (phrase, candidate) in Phrases)
        {
            if (folded.StartsWith(phrase, StringComparison.Ordinal) && (folded.Length == phrase.Length || folded[phrase.Length] == ' '))
            {
                role = candidate;
                length = phrase.Length;
                return true;
            }
        }

        role = default;
        length = 0;
        return false;
    }
}
