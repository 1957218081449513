using System.ComponentModel.DataAnnotations;

namespace Grastorp.Intake.Core.Privacy;

/// <summary>
/// Configuration section <c>Privacy</c>. The key turns references and client addresses into pseudonyms that can be
/// compared (the same reference logs the same way) but not reversed without it. In Azure it is a Key Vault reference
/// or a value generated at deploy; changing it only breaks the link between old and new log lines. Without it, each
/// process draws a random key at start: still private, but lines from two instances or restarts cannot be linked.
/// </summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    [MinLength(32, ErrorMessage = "Privacy:Key must have at least 32 characters.")]
    public string? Key { get; set; }
}
