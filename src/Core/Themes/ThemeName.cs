namespace Grastorp.Intake.Core.Themes;

/// <summary>A theme as people read it: its id (in keys, URLs and the API) and its Swedish and English names.</summary>
public sealed record ThemeName
{
    public string Id { get; set; } = string.Empty;

    public string Swedish { get; set; } = string.Empty;

    public string English { get; set; } = string.Empty;

    /// <summary>The name in a page's language: English for <c>en</c>, Swedish otherwise.</summary>
    public string In(string language) => language == "en" ? English : Swedish;
}
