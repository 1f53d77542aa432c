using Microsoft.Extensions.Options;

namespace BillingBot.App.Staff;

/// <summary>Refuses to start with a staff list that could grant a role to the wrong person: every member needs an object id and a name, each once.</summary>
public sealed class StaffOptionsValidator : IValidateOptions<StaffOptions>
{
    public ValidateOptionsResult Validate(string? name, StaffOptions options)
    {
        var problems = new List<string>();
        for (var i = 0; i < options.Members.Count; i++)
        {
            var member = options.Members[i];
            if (string.IsNullOrWhiteSpace(member.ObjectId))
            {
                problems.Add($"Staff:Members:{i}:ObjectId is required: the person's Entra object id, as Teams sends it in aadObjectId.");
            }

            if (string.IsNullOrWhiteSpace(member.Name))
            {
                problems.Add($"Staff:Members:{i}:Name is required.");
            }
        }

        var duplicates = options.Members
            .Where(m => !string.IsNullOrWhiteSpace(m.ObjectId))
            .GroupBy(m => m.ObjectId.Trim(), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key);
        problems.AddRange(duplicates.Select(d => $"Staff:Members lists the object id {d} more than once; give each person one entry with all their roles."));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
