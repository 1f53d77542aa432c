namespace BillingBot.App.Commands.Seed;

/// <summary>A Microsoft cloud product the partner resells, with its monthly net price per unit in PLN and EUR.</summary>
internal sealed record DemoProduct(string Name, decimal PricePln, decimal PriceEur)
{
    public static readonly DemoProduct BusinessPremium = new("Microsoft 365 Business Premium", 92.40m, 20.60m);
    public static readonly DemoProduct BusinessStandard = new("Microsoft 365 Business Standard", 53.90m, 11.70m);
    public static readonly DemoProduct E3 = new("Microsoft 365 E3", 152.00m, 33.70m);
    public static readonly DemoProduct E5 = new("Microsoft 365 E5", 243.00m, 54.80m);
    public static readonly DemoProduct Copilot = new("Microsoft 365 Copilot", 126.50m, 28.10m);
    public static readonly DemoProduct TeamsPhone = new("Microsoft Teams Phone Standard", 33.80m, 7.50m);
    public static readonly DemoProduct ExchangePlan1 = new("Exchange Online (Plan 1)", 16.90m, 3.70m);
    public static readonly DemoProduct PowerBiPro = new("Power BI Pro", 59.10m, 13.10m);
    public static readonly DemoProduct DefenderForBusiness = new("Microsoft Defender for Business", 12.70m, 2.80m);
    public static readonly DemoProduct BusinessCentral = new("Dynamics 365 Business Central Essentials", 295.00m, 65.60m);
    public static readonly DemoProduct SalesEnterprise = new("Dynamics 365 Sales Enterprise", 443.00m, 98.40m);

    /// <summary>Pay-as-you-go usage: one unit is the customer's usual monthly bill, scaled per invoice.</summary>
    public static DemoProduct AzureConsumption(decimal usualPln, decimal usualEur) => new("Azure consumption", usualPln, usualEur);

    public decimal Price(string currency) => currency == "EUR" ? PriceEur : PricePln;
}
