using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Retention;

/// <summary>
/// Checks <c>RETENTION_SCHEDULE</c> at start-up when it is set, so a malformed schedule is named rather than failing
/// the timer's indexing. It is not required here: the CLI builds the same services and runs no timers.
/// </summary>
internal sealed class RetentionScheduleValidator(IConfiguration configuration) : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var schedule = configuration[RetentionOptions.ScheduleSetting];
        return schedule is null || schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{RetentionOptions.ScheduleSetting} must be a six-field NCRONTAB schedule in UTC, such as '0 30 2 * * *' (daily at 02:30).");
    }
}
