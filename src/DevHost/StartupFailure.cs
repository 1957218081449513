using Microsoft.Extensions.Options;

namespace Grastorp.Intake.DevHost;

/// <summary>
/// A setting a person can fix stops the DevHost with one line naming it and exit code 2, not two stack traces and
/// an abort: options checked at start-up (<see cref="OptionsValidationException"/>), wherever the host wraps them.
/// </summary>
internal static class StartupFailure
{
    public const int ConfigurationError = 2;

    public static int Run(Action start)
    {
        ArgumentNullException.ThrowIfNull(start);
        try
        {
            start();
            return 0;
        }
        catch (Exception ex) when (FindSettingError(ex) is { } message)
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
