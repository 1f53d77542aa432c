namespace BillingBot.Protocol.Dialogs;

/// <summary>Decides whether a recognized answer is acceptable; it may send its own explanation, which then replaces the retry prompt.</summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);
