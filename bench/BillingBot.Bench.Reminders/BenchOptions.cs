using System.Globalization;

namespace BillingBot.Bench.Reminders;

/// <summary>The command line: sizes, the day swept, where the JSON goes.</summary>
internal sealed record BenchOptions
{
    public int Invoices { get; init; } = 1_000_000;

    public int Customers { get; init; } = 20_000;

    /// <summary>The invoices per customer of the smaller store (the same customers with only their newest invoices).</summary>
    public int SmallInvoicesPerCustomer { get; init; } = 5;

    /// <summary>About how many reminders the data should make due on the day (it sets nothing exactly; reported as found).</summary>
    public int Send { get; init; } = 10_000;

    /// <summary>The day swept: a Tuesday in the middle of a month (no period-closing notices), 10:00 in Warsaw.</summary>
    public DateTimeOffset Now { get; init; } = new(2026, 12, 15, 9, 0, 0, TimeSpan.Zero);

    public string? Out { get; init; }

    public bool Quick { get; init; }

    /// <summary>Only the tenant-ceiling scenarios, in an Azurite of their own (no load, no day to send).</summary>
    public bool CeilingOnly { get; init; }

    /// <summary>Customers whose per-customer planning is timed when there are more candidates than this (Azurite scans a table per query).</summary>
    public int PlanSample { get; init; } = 40;

    /// <summary>Partitions written at once by the loader.</summary>
    public int LoadParallelism { get; init; } = 8;

    /// <summary>Customers generated and written per load step (bounds the memory of the loader).</summary>
    public int LoadChunk { get; init; } = 2_000;

    /// <summary>Tenants with many contacts in the scenario where the per-tenant ceiling binds, and their contacts.</summary>
    public int CeilingTenants { get; init; } = 4;

    public int CeilingContacts { get; init; } = 200;

    /// <summary>Azurite's data on disk in a temporary folder rather than in memory.</summary>
    public bool Disk { get; init; }

    public int AzuriteHeapMegabytes { get; init; } = 16_384;

    public int InvoicesPerCustomer => Math.Max(1, Invoices / Customers);

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        if (args.Contains("--quick"))
        {
            options = options with { Quick = true, Invoices = 20_000, Customers = 400, Send = 200, PlanSample = 100, LoadChunk = 400, CeilingTenants = 2, CeilingContacts = 60 };
        }

        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number() => int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--quick" => options,
                "--invoices" => options with { Invoices = Number() },
                "--customers" => options with { Customers = Number() },
                "--small" => options with { SmallInvoicesPerCustomer = Number() },
                "--send" => options with { Send = Number() },
                "--out" => options with { Out = Value() },
                "--date" => options with { Now = new DateTimeOffset(DateOnly.ParseExact(Value(), "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero) },
                "--plan-sample" => options with { PlanSample = Number() },
                "--load-parallelism" => options with { LoadParallelism = Number() },
                "--load-chunk" => options with { LoadChunk = Number() },
                "--ceiling-tenants" => options with { CeilingTenants = Number() },
                "--ceiling-contacts" => options with { CeilingContacts = Number() },
                "--disk" => options with { Disk = true },
                "--ceiling-only" => options with { CeilingOnly = true },
                "--azurite-heap" => options with { AzuriteHeapMegabytes = Number() },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --invoices N --customers N --send N --out file.json --quick --date yyyy-MM-dd --plan-sample N --load-parallelism N --load-chunk N --ceiling-tenants N --ceiling-contacts N --ceiling-only --disk --azurite-heap MiB"),
            };
        }

        return options.Customers < 1 || options.Invoices < options.Customers || options.SmallInvoicesPerCustomer < 1
            ? throw new ArgumentException("Need at least one customer and one invoice per customer.")
            : options with { SmallInvoicesPerCustomer = Math.Min(options.SmallInvoicesPerCustomer, options.InvoicesPerCustomer) };
    }
}
