using System.ComponentModel.DataAnnotations;

namespace Grastorp.Intake.Core.Storage;

/// <summary>Configuration section <c>Storage</c>: table names (tests give each run its own).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Tips and their per-theme counters, one partition per municipality and week.</summary>
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$", ErrorMessage = "Storage:TipsTable must be a valid table name (letters and digits, 3-63).")]
    public string TipsTable { get; set; } = "Tips";

    /// <summary>Reference → partition, written at intake, so a resident can ask about a tip before it is classified.</summary>
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$", ErrorMessage = "Storage:ReceiptsTable must be a valid table name (letters and digits, 3-63).")]
    public string ReceiptsTable { get; set; } = "TipReceipts";

    /// <summary>One record per digest week and recipient list: what makes a second timer firing harmless.</summary>
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$", ErrorMessage = "Storage:DigestsTable must be a valid table name (letters and digits, 3-63).")]
    public string DigestsTable { get; set; } = "Digests";

    /// <summary>Who was shown or corrected which tip, and when (never the text); read by the auditor.</summary>
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$", ErrorMessage = "Storage:AuditTable must be a valid table name (letters and digits, 3-63).")]
    public string AuditTable { get; set; } = "StaffAudit";

    /// <summary>What staff did per promise commitment, published on the follow-up page and feed.</summary>
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$", ErrorMessage = "Storage:ActionsTable must be a valid table name (letters and digits, 3-63).")]
    public string ActionsTable { get; set; } = "CommitmentActions";

    /// <summary>One record per tip message that failed processing for good, counted in the digest.</summary>
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$", ErrorMessage = "Storage:PoisonedTable must be a valid table name (letters and digits, 3-63).")]
    public string PoisonedTable { get; set; } = "PoisonedTips";

    /// <summary>Each municipality's weekly counters in one row per week, copied from the tips table for stats.</summary>
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$", ErrorMessage = "Storage:RollupTable must be a valid table name (letters and digits, 3-63).")]
    public string RollupTable { get; set; } = "CountRollup";

    /// <summary>The public follow-up's snapshot: counts of completed weeks only, refreshed once a day.</summary>
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$", ErrorMessage = "Storage:FollowUpTable must be a valid table name (letters and digits, 3-63).")]
    public string FollowUpTable { get; set; } = "FollowUpSnapshot";
}
