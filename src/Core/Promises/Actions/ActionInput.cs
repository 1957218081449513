using System.Globalization;
using System.Text.RegularExpressions;
using Grastorp.Intake.Core.Tips.Intake;

namespace Grastorp.Intake.Core.Promises.Actions;

/// <summary>An action as staff typed it in the form, before checking.</summary>
public sealed partial record ActionInput(string? Commitment, string? Date, string? Summary, string? CountLabel, string? CountValue)
{
    public const int MaxSummary = 200;
    public const int MinSummary = 10;
    public const int MaxLabel = 40;

    /// <summary>A summary of punctuation or emoji says nothing to a resident: at least this many letters.</summary>
    public const int MinLetters = 5;

    /// <summary>Field → Swedish message for each problem; empty when the action can be stored.</summary>
    public IReadOnlyDictionary<string, string> Check(PromiseCatalog promises, DateOnly today, out (Promise Promise, Commitment Commitment, DateOnly Date, string Summary, IReadOnlyList<ActionCount> Counts)? valid)
    {
        ArgumentNullException.ThrowIfNull(promises);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        valid = null;
        var found = Commitment is null ? null : promises.Find(Commitment);
        if (found is null)
        {
            errors["commitment"] = "Välj vilket löfte åtgärden gäller.";
        }

        if (!DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date > today || date.Year < 2000)
        {
            errors["date"] = "Ange ett datum som ÅÅÅÅ-MM-DD, inte i framtiden.";
        }

        var summary = Line(Summary);
        if (summary.Length is < MinSummary or > MaxSummary || summary.Count(char.IsLetter) < MinLetters)
        {
            errors["summary"] = $"Skriv en sammanfattning på {MinSummary}–{MaxSummary} tecken.";
        }

        var counts = new List<ActionCount>();
        var label = Line(CountLabel);
        var value = CountValue?.Trim() ?? string.Empty;
        if (label.Length > 0 || value.Length > 0)
        {
            if (label.Length is 0 or > MaxLabel || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > 100_000)
            {
                errors["count"] = $"Ange både vad som räknats (högst {MaxLabel} tecken) och ett antal 0–100000, eller lämna båda tomma.";
            }
            else
            {
                counts.Add(new ActionCount(label, number));
            }
        }

        if (errors.Count == 0)
        {
            valid = (found!.Value.Promise, found.Value.Commitment, date, summary, counts);
        }

        return errors;
    }

    /// <summary>
    /// Cleaned as a tip is at entry (control and invisible characters gone), then made one line: a summary is a feed
    /// entry's title, and a control character there once made the whole feed fail to write.
    /// </summary>
    public static string Line(string? value) =>
        value is null ? string.Empty : Whitespace().Replace(VisibleText.Normalise(value), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
