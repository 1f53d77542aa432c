using BillingBot.Billing.Staff;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Staff;

/// <summary>The staff directory from configuration ("Staff:Members"), validated at start-up; object ids compare case-insensitively.</summary>
public sealed class ConfiguredStaffDirectory(IOptions<StaffOptions> options) : IStaffDirectory
{
    private readonly Dictionary<string, StaffMember> _members = options.Value.Members
        .Select(m => m.ToMember())
        .ToDictionary(m => m.ObjectId, StringComparer.OrdinalIgnoreCase);

    public Task<StaffMember?> FindAsync(string objectId, CancellationToken cancellationToken) =>
        Task.FromResult(string.IsNullOrWhiteSpace(objectId) ? null : _members.GetValueOrDefault(objectId.Trim()));

    public Task<IReadOnlyList<StaffMember>> WithRoleAsync(StaffRole role, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StaffMember>>([.. _members.Values.Where(m => m.HasRole(role)).OrderBy(m => m.Name, StringComparer.Ordinal)]);
}
