namespace BillingBot.App.Commands.Seed;

/// <summary>A product on a demo invoice: how many units, and for usage how much more or less than usual (Scale).</summary>
internal sealed record DemoItem(DemoProduct Product, decimal Quantity, decimal Scale = 1m);
