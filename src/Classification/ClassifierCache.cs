using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Classification;

/// <summary>
/// Builds the classifier once per options instance. Start-up validation has to build it to prove every lexicon and
/// the model load; the container then serves that same instance instead of compiling the lexicons a second time
/// (which would lengthen every cold start).
/// </summary>
internal sealed class ClassifierCache
{
    private readonly Lock _gate = new();
    private ClassifierOptions? _builtFor;
    private ITipClassifier? _built;

    /// <summary>How many times a classifier was built: start-up should cost one.</summary>
    internal int Builds { get; private set; }

    public ITipClassifier For(ClassifierOptions options)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_builtFor, options))
            {
                _built = ClassifierFactory.Create(options, AppContext.BaseDirectory);
                _builtFor = options;
                Builds++;
            }

            return _built!;
        }
    }
}
