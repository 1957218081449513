using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Digest.Settings;

namespace Grastorp.Intake.Core.Digest.Presentation;

/// <summary>The staff pages a digest links to, absolute from <c>Site:BaseUrl</c>, since a mail client has no base address.</summary>
public sealed class DigestLinks(SiteOptions site)
{
    public const string StaffTipsPath = "/personal/tips";

    public Uri StaffList => site.Link(StaffTipsPath);

    // The list shows one municipality's week at a time, so every list link names the municipality: without it a
    // Vara tip's "see the rest" opened Grästorp's list.
    public Uri Week(string municipality, WeekId week) => site.Link($"{StaffTipsPath}?kommun={Uri.EscapeDataString(municipality)}&vecka={week}");

    public Uri Theme(string municipality, WeekId week, string theme) => site.Link($"{StaffTipsPath}?kommun={Uri.EscapeDataString(municipality)}&vecka={week}&tema={Uri.EscapeDataString(theme)}");

    public Uri Kind(string municipality, WeekId week, string kinds) => site.Link($"{StaffTipsPath}?kommun={Uri.EscapeDataString(municipality)}&vecka={week}&typ={Uri.EscapeDataString(kinds)}");

    public Uri Tip(string reference) => site.Link($"{StaffTipsPath}/{Uri.EscapeDataString(reference)}");
}
