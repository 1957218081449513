using Grastorp.Intake.Core.Privacy;

namespace Grastorp.Intake.Cli.Privacy;

/// <summary>Precision and recall of one kind (or of all together when <see cref="Kind"/> is <c>all</c>).</summary>
internal sealed record KindScore(string Kind, int Expected, int Found, int Correct)
{
    /// <summary>1 when nothing was found (no false alarms).</summary>
    public double Precision => Found == 0 ? 1 : (double)Correct / Found;

    /// <summary>1 when nothing was expected.</summary>
    public double Recall => Expected == 0 ? 1 : (double)Correct / Expected;
}

/// <summary>A miss or a false alarm on one line: the id and kind only, never the value (the file may be real tips).</summary>
internal sealed record EvaluationError(string Id, string Kind, bool Missed);

/// <summary>
/// Scores the detector on labelled texts. An item counts as right when the detector found the same kind with exactly
/// the labelled value (the whole "Vallgatan 3 lgh 1102", not a part of it); each label is used once.
/// </summary>
internal sealed record PersonalDataEvaluation(int Texts, IReadOnlyList<KindScore> Scores, KindScore Overall, IReadOnlyList<EvaluationError> Errors)
{
    public static PersonalDataEvaluation Run(PersonalDataDetector detector, IReadOnlyList<LabelledText> texts)
    {
        var expected = new Dictionary<string, int>();
        var found = new Dictionary<string, int>();
        var correct = new Dictionary<string, int>();
        var errors = new List<EvaluationError>();
        foreach (var text in texts)
        {
            var open = text.Expected.ToList();
            foreach (var item in open)
            {
                expected[item.Kind] = expected.GetValueOrDefault(item.Kind) + 1;
            }

            foreach (var match in detector.Find(text.Text))
            {
                var kind = match.Kind.Id();
                found[kind] = found.GetValueOrDefault(kind) + 1;
                var label = open.FindIndex(e => e.Kind == kind && e.Value == match.Value);
                if (label >= 0)
                {
                    correct[kind] = correct.GetValueOrDefault(kind) + 1;
                    open.RemoveAt(label);
                }
                else
                {
                    errors.Add(new EvaluationError(text.Id, kind, Missed: false));
                }
            }

            errors.AddRange(open.Select(e => new EvaluationError(text.Id, e.Kind, Missed: true)));
        }

        var scores = PersonalDataKinds.All
            .Select(k => k.Id())
            .Select(k => new KindScore(k, expected.GetValueOrDefault(k), found.GetValueOrDefault(k), correct.GetValueOrDefault(k)))
            .ToList();
        var overall = new KindScore("all", scores.Sum(s => s.Expected), scores.Sum(s => s.Found), scores.Sum(s => s.Correct));
        return new PersonalDataEvaluation(texts.Count, scores, overall, errors);
    }
}
