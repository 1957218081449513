using System.ComponentModel.DataAnnotations;

namespace Grastorp.Intake.Core.Privacy;

/// <summary>
/// Configuration section <c>Privacy</c>. The key turns references and client addresses into pseudonyms that can be
/// compared (the same reference logs the same way) but not reversed without it. In Azure it is a Key Vault reference
/// or a value generated at deploy; changing it only breaks the link between old and new log lines. Without it, each
/// process draws a random key at start: still private, but lines from two instances or restarts cannot be linked.
/// </summary>
public sealed class PrivacyOptions : IValidatableObject
{
    public const string SectionName = "Privacy";

    /// <summary>Optional, but when set at least 32 characters (checked in <see cref="Validate"/>).</summary>
    public string? Key { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Key is { Length: < 32 })
        {
            yield return new ValidationResult("Privacy:Key must have at least 32 characters.", [nameof(Key)]);
        }
    }
}
