using System.Globalization;

namespace BillingBot.App.Tests.Fuzz;

/// <summary>One change to an import file: its kind, where (row, column or position, taken modulo) and which variant.</summary>
public readonly record struct CsvMutation(CsvMutationKind Kind, int Target, int Variant)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Kind}@{Target}/{Variant}");
}
