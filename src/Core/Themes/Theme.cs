namespace Grastorp.Intake.Core.Themes;

/// <summary>Theme ids known to the code. Further themes come from configuration (the lexicon).</summary>
public static class Theme
{
    public const string Drugs = "drugs";
    public const string Traffic = "traffic";
    public const string Burglary = "burglary";

    /// <summary>The theme of a tip that matches no other theme.</summary>
    public const string Other = "other";
}
