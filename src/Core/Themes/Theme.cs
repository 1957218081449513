namespace Grastorp.Intake.Core.Themes;

/// <summary>Theme ids known to the code. Further themes come from configuration (the lexicon).</summary>
public static class Theme
{
    public const string Drugs = "drugs";
    public const string Traffic = "traffic";
    public const string Burglary = "burglary";

    /// <summary>The theme of a tip that matches no other theme.</summary>
    public const string Other = "other";

    /// <summary>Theme ids are used in table row keys and URLs, so they are kept to lower-case ASCII.</summary>
    public static bool IsValidId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 32 && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');
}
