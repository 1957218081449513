using Grastorp.Intake.Core.Themes;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Classification;

/// <summary>
/// Loads every configured lexicon at start-up (with <c>ValidateOnStart</c>), so a missing or broken lexicon file stops
/// the host with a message naming the setting and the file, rather than failing on the first tip.
/// </summary>
internal sealed class ClassifierOptionsValidator(ClassifierCache build, ThemeCatalog catalog) : IValidateOptions<ClassifierOptions>
{
    public ValidateOptionsResult Validate(string? name, ClassifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Checked whatever the kind, so a bad setting is reported even while the keyword baseline runs.
        if (ClassifierFactory.LanguageProblem(options) is { } problem)
        {
            return ValidateOptionsResult.Fail(problem);
        }

        try
        {
            // Stats, the digest and the pages name themes from the catalogue: a theme it lacks would show as a bare id.
            var unnamed = build.For(options).Themes.Where(t => !catalog.Contains(t)).ToList();
            return unnamed.Count == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"The classifier's theme(s) {string.Join(", ", unnamed)} have no name: add each under Themes:Extra (Id, Swedish, English).");
        }
        catch (LexiconException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
