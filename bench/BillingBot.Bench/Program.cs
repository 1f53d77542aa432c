using BillingBot.Bench;

return await BenchCommand.RunAsync(args).ConfigureAwait(false);
