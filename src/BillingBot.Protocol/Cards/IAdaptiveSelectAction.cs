using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>An action that may run when an element is tapped (selectAction): anything but Action.ShowCard.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(AdaptiveSubmitAction), AdaptiveSubmitAction.TypeName)]
[JsonDerivedType(typeof(AdaptiveOpenUrlAction), AdaptiveOpenUrlAction.TypeName)]
[JsonDerivedType(typeof(AdaptiveExecuteAction), AdaptiveExecuteAction.TypeName)]
public interface IAdaptiveSelectAction;
