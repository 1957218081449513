using Microsoft.Extensions.Options;

namespace Grastorp.Intake.DevHost;

/// <summary>
/// A setting a person can fix stops the DevHost with one line naming it and exit code 2, not two stack traces and
/// an abort: options checked at start-up (<see cref="OptionsValidationException"/>), wherever the host wraps them.
/// </summary>
internal static class StartupFailure
{
    public const int ConfigurationError = 2;

    private const int MainThread = 1;

    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    /// <summary>
    /// The generic host logs a failed start with its stack trace before throwing; <see cref="Run"/> reports a setting
    /// error in one line, and any other failure still ends the process with the runtime's own report of it.
    /// </summary>
    public static WebApplicationBuilder ReportStartupFailuresOnce(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IPostConfigureOptions<LoggerFilterOptions>>(new PostConfigureOptions<LoggerFilterOptions>(Options.DefaultName, options =>
        {
            // Per provider, after every other rule: WebJobs adds provider rules of its own that would win otherwise.
            foreach (var provider in options.Rules.Select(r => r.ProviderName).Distinct().ToList())
            {
                options.Rules.Add(new LoggerFilterRule(provider, HostCategory, LogLevel.None, null));
            }
        }));
        return builder;
    }

    /// <summary>
    /// Only as the process's own entry point, on its main thread. WebApplicationFactory runs the same entry point on a
    /// thread of its own and must see the exception itself: swallowed here, its host would stop with a disposed
    /// provider instead of the settings error the start-up tests look for.
    /// </summary>
    public static int Run(Action start)
    {
        ArgumentNullException.ThrowIfNull(start);
        try
        {
            start();
            return 0;
        }
        catch (Exception ex) when (Environment.CurrentManagedThreadId == MainThread && FindSettingError(ex) is { } message)
        {
            Console.Error.WriteLine($"Configuration error: {message}");
            return ConfigurationError;
        }
    }

    /// <summary>The message of the first settings error in <paramref name="ex"/> or what it wraps; null when there is none.</summary>
    public static string? FindSettingError(Exception ex)
    {
        for (Exception? current = ex; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case OptionsValidationException options:
                    return string.Join(" ", options.Failures);
                case AggregateException aggregate when aggregate.InnerExceptions.Select(FindSettingError).FirstOrDefault(m => m is not null) is { } inner:
                    return inner;
                case LoopbackGuard.NotLoopbackException notLoopback:
                    return notLoopback.Message;
            }
        }

        return null;
    }
}
