using Grastorp.Intake.Cli;

return await CliApp.RunAsync(args, new CliConsole(Console.In, Console.Out, Console.Error)).ConfigureAwait(false);
