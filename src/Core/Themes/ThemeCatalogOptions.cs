namespace Grastorp.Intake.Core.Themes;

/// <summary>
/// Configuration section <c>Themes</c>: names for themes beyond the four built-in ones, such as <c>miljo</c> from an
/// extra lexicon (<c>Themes:Extra:0:Id</c>, <c>:Swedish</c>, <c>:English</c>).
/// </summary>
public sealed class ThemeCatalogOptions
{
    public const string SectionName = "Themes";

    public List<ThemeName> Extra { get; set; } = [];
}
