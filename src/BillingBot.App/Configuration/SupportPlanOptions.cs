using BillingBot.Billing.Customers;
using BillingBot.Billing.Support;

namespace BillingBot.App.Configuration;

/// <summary>A support plan's monthly price, first-response target and scope.</summary>
public sealed class SupportPlanOptions
{
    public SupportPlan Plan { get; set; }

    public decimal MonthlyPrice { get; set; }

    public string Currency { get; set; } = "PLN";

    public double ResponseHours { get; set; }

    public List<SupportTopic> Covered { get; set; } = [];
}
