using Azure;
using Azure.Data.Tables;
using BillingBot.Storage.Tables;

namespace BillingBot.Storage.Tests.Billing;

/// <summary>Azurite accepts transactions Azure refuses, so the rules are checked on what we would send.</summary>
public class TableTransactionsTests
{
    [Fact]
    public void Many_writes_to_one_partition_go_in_transactions_of_at_most_100()
    {
        var transactions = TableTransactions.Pack(Singles(Enumerable.Range(0, 250).Select(i => Upsert("p", $"r{i}"))));

        Assert.Equal([100, 100, 50], transactions.Select(t => t.Count));
    }

    [Fact]
    public void A_group_is_never_split_when_it_fits_one_transaction()
    {
        IReadOnlyList<TableTransactionAction> group = [.. Enumerable.Range(0, 10).Select(i => Upsert("p", $"g{i}"))];
        var groups = Singles(Enumerable.Range(0, 95).Select(i => Upsert("p", $"r{i}"))).Append(group).ToList();

        var transactions = TableTransactions.Pack(groups);

        Assert.Equal([95, 10], transactions.Select(t => t.Count));
    }

    [Fact]
    public void Large_entities_are_spread_so_a_transaction_stays_far_below_4_MiB()
    {
        var big = new string('x', 30_000);
        var transactions = TableTransactions.Pack(Singles(Enumerable.Range(0, 100).Select(i => Upsert("p", $"r{i}", big))));

        Assert.True(transactions.Count > 1);
        Assert.All(transactions, t => Assert.True(t.Sum(a => ((string)((TableEntity)a.Entity)["Data"]).Length * 2) < 4 * 1024 * 1024));
    }

    [Fact]
    public void Writes_to_two_partitions_or_twice_to_one_entity_are_refused()
    {
        Assert.Throws<ArgumentException>(() => TableTransactions.Pack(Singles([Upsert("a", "r"), Upsert("b", "r")])));
        Assert.Throws<ArgumentException>(() => TableTransactions.Pack(Singles([Upsert("a", "r"), Upsert("a", "r")])));
    }

    private static List<IReadOnlyList<TableTransactionAction>> Singles(IEnumerable<TableTransactionAction> actions) =>
        [.. actions.Select(a => (IReadOnlyList<TableTransactionAction>)[a])];

    private static TableTransactionAction Upsert(string partition, string row, string data = "") =>
        new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, row) { ["Data"] = data }, ETag.All);
}
