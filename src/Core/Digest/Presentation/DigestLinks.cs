using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Digest.Settings;

namespace Grastorp.Intake.Core.Digest.Presentation;

/// <summary>The staff pages a digest links to, absolute from <c>Site:BaseUrl</c>, since a mail client has no base address.</summary>
public sealed class DigestLinks(SiteOptions site)
{
    public const string StaffTipsPath = "/personal/tips";

    public Uri StaffList => site.Link(StaffTipsPath);

    public Uri Week(WeekId week) => site.Link($"{StaffTipsPath}?vecka={week}");

    public Uri Theme(WeekId week, string theme) => site.Link($"{StaffTipsPath}?vecka={week}&tema={Uri.EscapeDataString(theme)}");

    public Uri Kind(WeekId week, string kinds) => site.Link($"{StaffTipsPath}?vecka={week}&typ={Uri.EscapeDataString(kinds)}");

    public Uri Tip(string reference) => site.Link($"{StaffTipsPath}/{Uri.EscapeDataString(reference)}");
}
