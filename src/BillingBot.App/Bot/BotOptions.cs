using System.ComponentModel.DataAnnotations;

namespace BillingBot.App.Bot;

/// <summary>How the bot presents itself.</summary>
public sealed class BotOptions
{
    /// <summary>The partner's name, as customers know it.</summary>
    [Required]
    public string PartnerName { get; set; } = "Contoso Cloud";
}
