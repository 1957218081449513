namespace Grastorp.Intake.Classification.Analysis.Lexicon;

/// <summary>What a matched lexicon entry does.</summary>
internal enum PatternKind
{
    /// <summary>Points to a theme.</summary>
    Term,

    /// <summary>Points away from a theme: theme terms inside it do not count.</summary>
    Away,

    /// <summary>Context that some term groups require (e.g. driving).</summary>
    Cue,
}
