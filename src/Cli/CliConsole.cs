namespace Grastorp.Intake.Cli;

/// <summary>The streams a command reads and writes, so tests can run the real commands in-process.</summary>
internal sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error);
