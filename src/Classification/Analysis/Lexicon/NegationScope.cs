using System.Buffers;

namespace Grastorp.Intake.Classification.Analysis.Lexicon;

/// <summary>
/// Which words a negation cancels. A word is negated when a negation ("inte", "ingen", "inga", "aldrig") stands
/// <list type="bullet">
/// <item>at most <c>window</c> words before it ("inte droger"), whatever lies between; or</item>
/// <item>at most <c>reach</c> words before it with only bridge words between ("inga problem med knark", "aldrig sett
/// någon langning", "inte längre något knark"): words that say what is absent, not a new statement.</item>
/// </list>
/// Any other word ends the negation's scope, so "ingen vet vem som säljer knark" and "inte konstigt att de säljer knark"
/// still count the theme word: a word the lexicon does not list as a bridge is read as the start of a new clause. So
/// does a full stop, comma, colon, semicolon, question or exclamation mark between two words ("The police have never
/// been here, drugs are sold openly"), however close.
/// </summary>
internal sealed class NegationScope
{
    private static readonly SearchValues<char> StatementEnds = SearchValues.Create(".,;:!?");

    private readonly bool[] _isNegation;
    private readonly int _window;
    private readonly bool[] _isBridge;
    private readonly int _reach;

    /// <param name="isNegation">Per vocabulary id, whether it negates what follows.</param>
    /// <param name="window">How many words before a word a negation reaches, whatever lies between.</param>
    /// <param name="isBridge">Per vocabulary id, whether a negation reaches across it.</param>
    /// <param name="reach">How many words before a word a negation reaches across bridge words only.</param>
    public NegationScope(bool[] isNegation, int window, bool[] isBridge, int reach)
    {
        _isNegation = isNegation;
        _window = window;
        _isBridge = isBridge;
        _reach = Math.Max(reach, window);
    }

    /// <summary>Whether the word at <paramref name="start"/> of the tokenised <paramref name="text"/> is negated.</summary>
    public bool IsNegated(TokenBuffer buffer, string text, int start)
    {
        var words = buffer.Words;
        var offsets = buffer.Offsets;
        for (var position = start - 1; position >= 0 && start - position <= _reach; position--)
        {
            var (from, to) = (offsets[position].End, offsets[position + 1].Start);
            if (from < to && text.AsSpan(from, to - from).ContainsAny(StatementEnds))
            {
                return false;
            }

            var id = words[position];
            if (id >= 0 && _isNegation[id])
            {
                return true;
            }

            // Past the plain window, only bridge words let the negation through.
            if (start - position >= _window && (id < 0 || !_isBridge[id]))
            {
                return false;
            }
        }

        return false;
    }
}
