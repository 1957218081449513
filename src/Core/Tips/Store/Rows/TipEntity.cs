using Azure;
using Azure.Data.Tables;

namespace Grastorp.Intake.Core.Tips.Store.Rows;

/// <summary>A classified tip as stored: PartitionKey = the tip's partition, RowKey = the reference (or a time-order key for its copy).</summary>
internal sealed class TipEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Municipality { get; set; } = string.Empty;

    public string Week { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    public string? Place { get; set; }

    public DateTimeOffset? ObservedAt { get; set; }

    public string? Contact { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset ClassifiedAt { get; set; }

    /// <summary>Whether the resident was shown the 112 cue when sending it (the flag, never the phrase).</summary>
    public bool Emergency { get; set; }

    public string PrimaryTheme { get; set; } = string.Empty;

    /// <summary>Every theme, strongest first, comma-separated.</summary>
    public string Themes { get; set; } = string.Empty;

    /// <summary>JSON: per theme, its confidence and the terms that decided it, so the kommunpolis can see why.</summary>
    public string Explanation { get; set; } = string.Empty;

    /// <summary>The classifier's themes, kept beside a staff correction (null until the first one), so corrections can train it.</summary>
    public string? ClassifiedThemes { get; set; }

    /// <summary>Who last corrected the themes, and when (null if never).</summary>
    public string? CorrectedBy { get; set; }

    public DateTimeOffset? CorrectedAt { get; set; }

    /// <summary>The promise commitments (keys, comma-separated) the tip was counted under when it was classified.</summary>
    public string? Commitments { get; set; }

    /// <summary>"Hur vet du det här?" (<see cref="TipSource"/>), null when not said. Kept after retention: it is no one's words.</summary>
    public string? Source { get; set; }

    /// <summary>The resident asked for an e-mail to <see cref="Contact"/> when the kommunpolis writes; removed with the contact.</summary>
    public bool NotifyByEmail { get; set; }

    /// <summary>How far staff have taken it (<c>TipStage</c>); null means just classified.</summary>
    public string? Stage { get; set; }

    /// <summary>A short public reply, shown only on this tip's status page; never shown with the tip's text.</summary>
    public string? PublicReply { get; set; }

    public DateTimeOffset? RepliedAt { get; set; }

    /// <summary>
    /// The resident answered in the conversation and no one who handles tips has opened the tip since ("Nytt svar" in
    /// the list and digest). Kept on the tip row and its time-order copy, so the list shows it without reading messages.
    /// </summary>
    public bool UnreadAnswer { get; set; }

    /// <summary>When retention removed what the resident wrote (null while it is kept).</summary>
    public DateTimeOffset? RemovedAt { get; set; }
}
