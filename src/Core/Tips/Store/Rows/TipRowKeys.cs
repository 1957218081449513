using System.Globalization;

namespace Grastorp.Intake.Core.Tips.Store.Rows;

/// <summary>
/// The row layout of one tips partition (a municipality and week), in one place. Four kinds of rows share the
/// partition so that a tip and everything it moves can be written in one entity-group transaction:
/// <list type="bullet">
/// <item>tip rows, keyed by the reference (upper-case Crockford base32, so they sort before every other row);</item>
/// <item>counter rows, <c>count</c> (all tips), <c>count-{theme}</c>, <c>count+{kind}</c> and <c>count+{kind}-{theme}</c>;
/// all start with <c>count</c> and sort before <c>count.</c>, so one range read gets every counter; and
/// <c>count*{commitment key}</c> per promise commitment (<c>*</c> sorts before <c>+</c>; commitment keys hold a '.');</item>
/// <item>correction rows, <c>fix-{reference}-{request key}</c>: a staff correction and its idempotency marker;</item>
/// <item>time-order rows, <c>time-{inverted ticks}-{reference}</c>: a copy of the tip, newest first, for the tip list;</item>
/// <item>message rows, <c>msg-{reference}-{form token}</c>: one message of the tip's conversation (issue #32). <c>msg-</c>
/// sorts after <c>count.</c> and <c>fix-</c> and before <c>time-</c>, so no tip, counter or time-order range reads one,
/// and a tip's messages are one range read of their own. The key comes from the form that sent the message, so a form
/// sent twice writes the same key once; the messages' order is their <c>At</c> column (see <c>ConversationStore</c>).</item>
/// </list>
/// </summary>
internal static class TipRowKeys
{
    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

    public const string CounterPrefix = "count";

    /// <summary>The end of the counter range: '.' sorts after '+' and '-', which follow the prefix.</summary>
    public const string CounterEnd = CounterPrefix + ".";

    public const string TipsCounter = CounterPrefix;

    public const string CorrectionPrefix = "fix-";

    public const string TimePrefix = "time-";

    public const string TimeEnd = "time.";

    public const string MessagePrefix = "msg-";

    /// <summary>The first key of a tip's messages: every one of them is <c>ge</c> this and <c>lt</c> <see cref="MessagesEnd"/>.</summary>
    public static string MessagesStart(string reference) => $"{MessagePrefix}{reference}-";

    /// <summary>'.' sorts right after '-', so this ends the range of one tip's messages and of nothing else.</summary>
    public static string MessagesEnd(string reference) => $"{MessagePrefix}{reference}.";

    public static string Message(string reference, string token) => $"{MessagePrefix}{reference}-{token}";

    /// <summary>A property a time-order row carries per theme, so the list can be filtered by theme on the server.</summary>
    public const string ThemeFlagPrefix = "Theme_";

    public const string CommitmentCounterPrefix = CounterPrefix + "*";

    public static string CommitmentCounter(string commitment) => CommitmentCounterPrefix + commitment;

    public static bool IsCommitmentCounter(string rowKey) => rowKey.StartsWith(CommitmentCounterPrefix, StringComparison.Ordinal);

    /// <summary>The commitment keys of a tip row's <c>Commitments</c> column.</summary>
    public static string[] SplitCommitments(string? commitments) => (commitments ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static string ThemeCounter(string theme) => $"{CounterPrefix}-{theme}";

    public static string KindCounter(string kind) => $"{CounterPrefix}+{kind}";

    public static string KindThemeCounter(string kind, string theme) => $"{CounterPrefix}+{kind}-{theme}";

    /// <summary>Every counter a tip of this kind and these themes moves by one.</summary>
    public static IEnumerable<string> CountersOf(string kind, IEnumerable<string> themes)
    {
        var list = themes.ToList();
        return [TipsCounter, .. list.Select(ThemeCounter), KindCounter(kind), .. list.Select(t => KindThemeCounter(kind, t))];
    }

    /// <summary>Newest first: ticks counted down from the largest instant, fixed width so text order is time order.</summary>
    public static string Time(DateTimeOffset receivedAt, string reference) =>
        string.Create(CultureInfo.InvariantCulture, $"{TimePrefix}{DateTimeOffset.MaxValue.UtcTicks - receivedAt.UtcTicks:D19}-{reference}");

    public static bool IsTime(string? rowKey) =>
        rowKey is { Length: 5 + 19 + 1 + 10 } && rowKey.StartsWith(TimePrefix, StringComparison.Ordinal)
        && rowKey.AsSpan(5, 19).IndexOfAnyExcept(Digits) < 0 && rowKey[24] == '-';

    public static string Correction(string reference, string requestKey) => $"{CorrectionPrefix}{reference}-{requestKey}";

    /// <summary>Reads a counter row's key back: (null, null) for all tips, (kind, null), (null, theme) or (kind, theme).</summary>
    public static (string? Kind, string? Theme) ParseCounter(string rowKey)
    {
        var rest = rowKey[CounterPrefix.Length..];
        if (rest.Length == 0)
        {
            return (null, null);
        }

        if (rest[0] == '-')
        {
            return (null, rest[1..]);
        }

        var dash = rest.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? (rest[1..], null) : (rest[1..dash], rest[(dash + 1)..]);
    }
}
