using Grastorp.Intake.Core.Emergency;
using Grastorp.Intake.Core.Privacy;

namespace Grastorp.Intake.Core.Tips.Check;

/// <summary>
/// The one rule set behind the nudge and the 112 cue, used while the resident writes (the form's script asks) and when
/// the tip arrives (the 202 answer and the receipt), so the form and the answer never disagree.
/// </summary>
public sealed class TipChecker(PersonalDataDetector personalData, EmergencyCueDetector emergency)
{
    public TipCheck Check(string? text, string? place)
    {
        if (string.IsNullOrWhiteSpace(text) && string.IsNullOrWhiteSpace(place))
        {
            return TipCheck.Nothing;
        }

        // The place counts too ("utanför Storgatan 5B"); a line break ends a clause and no pattern reaches across it,
        // so nothing is found that spans the two fields.
        var both = $"{text}\n{place}";
        var found = personalData.Find(both);
        IReadOnlyList<PersonalDataKind> kinds = found.Count == 0 ? [] : found.Select(f => f.Kind).Distinct().Order().ToList();
        return new TipCheck(kinds, emergency.Signals(both));
    }
}
