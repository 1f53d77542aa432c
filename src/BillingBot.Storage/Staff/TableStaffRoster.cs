using Azure;
using Azure.Data.Tables;
using BillingBot.Billing.Staff;
using BillingBot.Protocol.State;
using BillingBot.Storage.Tables;

namespace BillingBot.Storage.Staff;

/// <summary>
/// The staff added in chat, in the Staff table (see <see cref="StaffKeys"/>). A lookup is one point read and a list one
/// partition query, with no cache, so every instance sees a change at once. A change writes the person's row and the
/// version row in one transaction conditional on the version read, so concurrent changes are applied one after the
/// other, each decided on the list as the previous one left it.
/// </summary>
public sealed class TableStaffRoster(TableStore tables) : IStaffRoster
{
    private const int MaxAttempts = 8;
    private const string NameField = "Name";
    private const string ObjectIdField = "ObjectId";
    private const string RolesField = "Roles";

    private TableClient Table => tables.GetTable(TableStore.StaffTable);

    public async Task<StaffMember?> FindAsync(string objectId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(objectId))
        {
            return null;
        }

        var response = await StorageErrors.GuardAsync(StaffKeys.StaffPartition, () =>
            Table.GetEntityIfExistsAsync<TableEntity>(StaffKeys.StaffPartition, StaffKeys.MemberRow(objectId), cancellationToken: cancellationToken)).ConfigureAwait(false);
        return response.HasValue ? ToMember(response.Value!) : null;
    }

    public async Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken cancellationToken) =>
        (await ReadAsync(cancellationToken).ConfigureAwait(false)).Members;

    public async Task<StaffChange> ChangeAsync(Func<IReadOnlyList<StaffMember>, StaffChange> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        for (var attempt = 1; ; attempt++)
        {
            var (members, version) = await ReadAsync(cancellationToken).ConfigureAwait(false);
            var change = decide(members);
            if (!change.Writes)
            {
                return change;
            }

            var row = StaffKeys.MemberRow(change.ObjectId);
            var versionRow = new TableEntity(StaffKeys.StaffPartition, StaffKeys.VersionRow);
            var actions = new List<TableTransactionAction>
            {
                change.Stored is { } after
                    ? new(TableTransactionActionType.UpsertReplace, ToEntity(row, after))
                    : new(TableTransactionActionType.Delete, new TableEntity(StaffKeys.StaffPartition, row), ETag.All),
                version is { } etag
                    ? new(TableTransactionActionType.UpdateReplace, versionRow, etag)
                    : new(TableTransactionActionType.Add, versionRow),
            };
            try
            {
                await TableTransactions.SubmitAsync(Table, [.. actions], cancellationToken).ConfigureAwait(false);
                return change;
            }
            catch (RequestFailedException ex) when (StorageErrors.IsConflict(ex) || ex.Status == 404)
            {
                // Someone changed the list since it was read (or removed the row to delete): read again, decide again.
                if (attempt >= MaxAttempts)
                {
                    throw new ConcurrencyConflictException(StaffKeys.StaffPartition, ex);
                }
            }
            catch (Exception ex) when (StorageErrors.IsStorageFailure(ex))
            {
                throw StorageErrors.Translate(StaffKeys.StaffPartition, ex);
            }
        }
    }

    private Task<(IReadOnlyList<StaffMember> Members, ETag? Version)> ReadAsync(CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync(StaffKeys.StaffPartition, async () =>
        {
            var members = new List<StaffMember>();
            ETag? version = null;
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {StaffKeys.StaffPartition}");
            await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (row.RowKey == StaffKeys.VersionRow)
                {
                    version = row.ETag;
                }
                else if (string.CompareOrdinal(row.RowKey, StaffKeys.MembersFrom) >= 0 && string.CompareOrdinal(row.RowKey, StaffKeys.MembersTo) < 0
                    && ToMember(row) is { } member)
                {
                    members.Add(member);
                }
            }

            return ((IReadOnlyList<StaffMember>)members, version);
        });

    private static TableEntity ToEntity(string row, StaffMember member) => new(StaffKeys.StaffPartition, row)
    {
        [ObjectIdField] = member.ObjectId,
        [NameField] = member.Name,
        [RolesField] = string.Join(",", member.Roles),
    };

    /// <summary>The member of a row; a role this version does not know is skipped, a row without an id or name is ignored.</summary>
    private static StaffMember? ToMember(TableEntity row)
    {
        if (row.GetString(ObjectIdField) is not { Length: > 0 } objectId || row.GetString(NameField) is not { Length: > 0 } name)
        {
            return null;
        }

        var roles = (row.GetString(RolesField) ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => Enum.TryParse<StaffRole>(r, out var role) && Enum.IsDefined(role) ? role : (StaffRole?)null)
            .OfType<StaffRole>()
            .ToList();
        return new StaffMember(objectId, name, roles);
    }
}
