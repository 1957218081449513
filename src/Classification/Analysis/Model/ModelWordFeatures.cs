namespace Grastorp.Intake.Classification.Analysis.Model;

/// <summary>
/// Walks the tip's words the learned layer reads (exact stems, neither negated nor in an away phrase): per such word,
/// its unigram feature and the bigram feature it ends with the word before it, each -1 when the model lacks it.
/// Allocates nothing; use with <c>foreach</c> after <see cref="Lexicon.PatternMatcher.Match"/> has marked cancelled positions.
/// </summary>
internal ref struct ModelWordFeatures
{
    private readonly CompiledModel _model;
    private readonly TokenBuffer _buffer;
    private int _position;

    public ModelWordFeatures(CompiledModel model, TokenBuffer buffer)
    {
        _model = model;
        _buffer = buffer;
        _position = -1;
    }

    public (int Position, int Id, int Word, int Bigram) Current { get; private set; }

    public readonly ModelWordFeatures GetEnumerator() => this;

    public bool MoveNext()
    {
        var exact = _buffer.Exact;
        while (++_position < exact.Count)
        {
            var id = exact[_position];
            if (id >= 0 && !_buffer.Cancelled[_position])
            {
                Current = (_position, id, _model.FeatureOfId[id], BigramEndingAt(_position, id));
                return true;
            }
        }

        return false;
    }

    private readonly int BigramEndingAt(int position, int id) =>
        position > 0 && _buffer.Exact[position - 1] is var previous and >= 0 && !_buffer.Cancelled[position - 1]
        && _model.Bigrams.TryGetValue(CompiledModel.BigramKey(previous, id), out var bigram)
            ? bigram
            : -1;
}
