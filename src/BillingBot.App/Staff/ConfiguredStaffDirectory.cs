using BillingBot.Billing.Staff;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Staff;

/// <summary>
/// The staff directory from configuration ("Staff:Members"), validated at start-up; object ids compare
/// case-insensitively. It is the bootstrap (the first user-management admin, say): the directory the app uses,
/// <see cref="RosterStaffDirectory"/>, adds the staff managed in chat to it.
/// </summary>
public sealed class ConfiguredStaffDirectory(IOptions<StaffOptions> options) : IStaffDirectory
{
    private readonly Dictionary<string, StaffMember> _members = options.Value.Members
        .Select(m => m.ToMember())
        .ToDictionary(m => m.ObjectId, StringComparer.OrdinalIgnoreCase);

    private StaffRules? _rules;

    /// <summary>The configured members.</summary>
    public IReadOnlyCollection<StaffMember> Members => _members.Values;

    /// <summary>The rules of changing the staff in chat, around these configured members.</summary>
    public StaffRules Rules => _rules ??= new StaffRules(_members.Values);

    public Task<StaffMember?> FindAsync(string objectId, CancellationToken cancellationToken) =>
        Task.FromResult(string.IsNullOrWhiteSpace(objectId) ? null : _members.GetValueOrDefault(objectId.Trim()));

    public Task<IReadOnlyList<StaffMember>> WithRoleAsync(StaffRole role, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StaffMember>>([.. _members.Values.Where(m => m.HasRole(role)).OrderBy(m => m.Name, StringComparer.Ordinal)]);
}
