using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Municipalities;

namespace Grastorp.Intake.Core.Stats.EarlyWarning;

/// <summary>A flagged week: one theme in one municipality had unusually many tips (see <see cref="EarlyWarningRule"/>).</summary>
public sealed record EarlyWarning(Municipality Municipality, string Theme, string ThemeName, WeekId Week, EarlyWarningVerdict Verdict)
{
    /// <summary>
    /// The line a reader sees: "Ovanligt många tips om inbrott och stöld i Vara: 7 mot normalt 1–2 i veckan" (English:
    /// "Unusually many tips about burglary and theft in Vara: 7 against a usual 1–2 a week").
    /// </summary>
    public string Line(string language = "sv")
    {
        var (low, high) = Verdict.Normal;
        var normal = low == high ? $"{low}" : $"{low}–{high}";
        var theme = ThemeName.Length > 0 ? char.ToLowerInvariant(ThemeName[0]) + ThemeName[1..] : Theme;
        return language == "en"
            ? $"Unusually many tips about {theme} in {Municipality.Name}: {Verdict.Count} against a usual {normal} a week"
            : $"Ovanligt många tips om {theme} i {Municipality.Name}: {Verdict.Count} mot normalt {normal} i veckan";
    }
}
