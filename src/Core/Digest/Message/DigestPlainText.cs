using System.Text;
using Grastorp.Intake.Core.Digest.Presentation;

namespace Grastorp.Intake.Core.Digest.Message;

/// <summary>
/// The plain-text part, from the same <see cref="DigestView"/> as the HTML. Structure lines start at the margin;
/// every line a resident wrote is quoted with "    > " and every other value of theirs sits after a label on one
/// line, so no tip can pass for a heading, a reference or a contact line.
/// </summary>
public static class DigestPlainText
{
    private const string Quote = "    > ";

    public static string Render(DigestView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var text = new StringBuilder();
        text.Append(view.Heading).Append('\n').Append(view.Intro).Append('\n');
        if (view.PoisonedWarning is not null)
        {
            text.Append('\n').Append("OBS: ").Append(view.PoisonedWarning).Append('\n');
        }

        if (view.WorthALook.Count > 0)
        {
            text.Append('\n').Append(DigestView.WorthALookHeading.ToUpperInvariant()).Append('\n');
            foreach (var line in view.WorthALook)
            {
                text.Append("- ").Append(line).Append('\n');
            }
        }

        text.Append('\n').Append("ÖVERSIKT").Append('\n').Append(view.CountsNote).Append('\n');
        foreach (var table in view.Counts)
        {
            text.Append('\n').Append(Pad(table.Caption, 22)).Append(Right("Antal", 6)).Append(Right("Förändr.", 10)).Append(Right("Snitt 4 v.", 12)).Append('\n');
            foreach (var row in table.Rows)
            {
                text.Append(Pad("  " + row.Label, 22)).Append(Right(row.Count, 6)).Append(Right(row.Change, 10)).Append(Right(row.Average, 12)).Append('\n');
            }
        }

        if (view.FollowUp is { } followUp)
        {
            AppendFollowUp(text, followUp);
        }

        foreach (var section in view.Sections)
        {
            text.Append('\n').Append('\n').Append(section.Heading.ToUpper(DigestLabels.Swedish)).Append('\n');
            if (section.Note is not null)
            {
                text.Append(section.Note).Append('\n');
            }

            foreach (var tip in section.Tips)
            {
                AppendTip(text, tip);
            }

            if (section.More is not null && section.Lists.Count > 0)
            {
                text.Append('\n').Append(section.More).Append('\n');
                foreach (var list in section.Lists)
                {
                    text.Append("- ").Append(list.Municipality).Append(": ").Append(list.Link.AbsoluteUri).Append('\n');
                }
            }
        }

        text.Append('\n').Append("Personalens tipslista: ").Append(view.StaffList.AbsoluteUri).Append('\n');
        text.Append('\n').Append("-- ").Append('\n').Append(view.Footer).Append('\n');
        return text.ToString();
    }

    /// <summary>Counts per municipality and commitment, then the repeated places, each place after its label on one line.</summary>
    private static void AppendFollowUp(StringBuilder text, FollowUpView followUp)
    {
        text.Append('\n').Append('\n').Append(followUp.Heading.ToUpper(DigestLabels.Swedish)).Append('\n').Append(followUp.Note).Append('\n');
        foreach (var table in followUp.Tables)
        {
            text.Append('\n').Append(table.Caption).Append('\n');
            foreach (var row in table.Rows)
            {
                text.Append(row.IsTotal ? "  " : "  - ").Append(row.Label).Append('\n')
                    .Append("    ").Append(followUp.UnreadLabel).Append(": ").Append(row.Unread)
                    .Append(" · ").Append(followUp.StaleLabel).Append(": ").Append(row.Stale).Append('\n');
            }
        }

        text.Append('\n').Append('\n').Append(followUp.PlacesHeading.ToUpper(DigestLabels.Swedish)).Append('\n').Append(followUp.PlacesNote).Append('\n');
        foreach (var place in followUp.Places)
        {
            text.Append('\n').Append("* Plats: ").Append(place.Place).Append('\n')
                .Append("  ").Append(place.Municipality).Append(" · ").Append(place.Tips).Append(" tips · Teman: ").Append(place.Themes).Append('\n');
        }

        if (followUp.PlacesEmpty is not null)
        {
            text.Append('\n').Append(followUp.PlacesEmpty).Append('\n');
        }
    }

    private static void AppendTip(StringBuilder text, TipView tip)
    {
        text.Append('\n').Append("* ").Append(tip.Meta).Append('\n');
        AppendLabelled(text, tip.Observed, null);
        AppendLabelled(text, tip.Source, null);
        AppendLabelled(text, tip.Place, "Plats: ");
        AppendLabelled(text, tip.Themes, null);
        AppendLabelled(text, tip.Terms, "Avgörande ord: ");
        if (tip.Text.Length > 0)
        {
            foreach (var line in tip.Text.Split('\n'))
            {
                text.Append(Quote).Append(line).Append('\n');
            }
        }

        AppendLabelled(text, tip.Contact, "Kontakt (med samtycke): ");
        text.Append("  ").Append(tip.Cut ? "Hela tipset: " : "Tipset: ").Append(tip.Link.AbsoluteUri).Append('\n');
    }

    private static void AppendLabelled(StringBuilder text, string? value, string? label)
    {
        if (value is not null)
        {
            text.Append("  ").Append(label).Append(value).Append('\n');
        }
    }

    private static string Pad(string value, int width) => value.Length >= width ? value + " " : value.PadRight(width);

    private static string Right(string value, int width) => value.PadLeft(width);
}
