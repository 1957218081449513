using Grastorp.Intake.Core.Themes;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Promises;

/// <summary>
/// The promises in use (read once from <see cref="PromiseOptions.Directory"/>; checked at start-up by
/// <see cref="PromiseOptionsValidator"/>), which one is in effect for a municipality at a time, and which of its
/// commitments a classified tip concerns.
/// </summary>
public sealed class PromiseCatalog
{
    private readonly Lazy<IReadOnlyList<Promise>> _promises;

    public PromiseCatalog(IOptions<PromiseOptions> options, ThemeCatalog themes)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(themes);
        var settings = options.Value;
        _promises = new(() =>
        {
            var (promises, errors) = PromiseFileReader.ReadDirectory(settings.FullDirectory, new HashSet<string>(themes.Ids, StringComparer.Ordinal));
            if (errors.Count > 0)
            {
                throw new InvalidOperationException("Promise files are invalid: " + string.Join(" ", errors));
            }

            return [.. promises.Where(p => settings.IncludeExamples || !p.IsExample).OrderBy(p => p.Municipality, StringComparer.Ordinal).ThenByDescending(p => p.Year)];
        });
    }

    /// <summary>Every promise in use, by municipality, newest year first.</summary>
    public IReadOnlyList<Promise> All => _promises.Value;

    /// <summary>The promise a tip of <paramref name="municipality"/> in <paramref name="year"/> is counted under: the latest not after that year.</summary>
    public Promise? InEffect(string municipality, int year) =>
        All.Where(p => p.Municipality == municipality && p.Year <= year).OrderByDescending(p => p.Year).ThenBy(p => p.IsExample).FirstOrDefault();

    public (Promise Promise, Commitment Commitment)? Find(string commitmentKey) =>
        All.SelectMany(p => p.Commitments.Select(c => (Promise: p, Commitment: c))).FirstOrDefault(x => x.Commitment.Key == commitmentKey) is { Promise: not null } found
            ? found
            : null;

    /// <summary>
    /// The commitments (keys) a classified tip concerns: those linked to one of its themes, or to a term the classifier
    /// matched, so the link is explained by the same words the tip was classified by.
    /// </summary>
    public IReadOnlyList<string> Link(string municipality, int year, TipClassification classification)
    {
        ArgumentNullException.ThrowIfNull(classification);
        if (InEffect(municipality, year) is not { } promise)
        {
            return [];
        }

        var themes = classification.Themes.Select(t => t.Theme).Where(t => t != Theme.Other).ToHashSet(StringComparer.Ordinal);
        var matched = classification.Themes.SelectMany(t => t.Matched.Concat(t.Terms)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. promise.Commitments
            .Where(c => c.Themes.Any(themes.Contains) || c.Terms.Any(matched.Contains))
            .Select(c => c.Key)];
    }
}
