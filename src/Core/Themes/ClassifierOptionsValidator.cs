using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Themes;

/// <summary>
/// Loads every configured lexicon at start-up (with <c>ValidateOnStart</c>), so a missing or broken lexicon file stops
/// the host with a message naming the setting and the file, rather than failing on the first tip.
/// </summary>
internal sealed class ClassifierOptionsValidator(ClassifierBuild build) : IValidateOptions<ClassifierOptions>
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
            _ = build.For(options);
            return ValidateOptionsResult.Success;
        }
        catch (LexiconException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
