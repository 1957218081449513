namespace Grastorp.Intake.Web.Digest;

/// <summary>
/// The digest's inline styles in one place. Mail clients drop style sheets and Outlook renders with Word, so every
/// element carries its own style: system fonts only, no images, tables for layout, 600 px at most.
/// </summary>
internal static class DigestStyles
{
    public const string Font = "font-family:Arial,Helvetica,sans-serif;";
    public const string Body = "margin:0;padding:0;background:#eef1f4;-webkit-text-size-adjust:100%;";
    public const string Outer = "background:#eef1f4;";
    public const string Sheet = "width:100%;max-width:600px;background:#ffffff;border-collapse:collapse;";
    public const string Cell = "padding:16px 20px;" + Font + "color:#1f2933;";
    public const string H1 = "margin:0 0 8px;font-size:22px;line-height:28px;font-weight:bold;color:#0b3d91;" + Font;
    public const string H2 = "margin:0 0 8px;font-size:18px;line-height:24px;font-weight:bold;color:#0b3d91;" + Font;
    public const string H3 = "margin:8px 0 6px;font-size:16px;line-height:22px;font-weight:bold;color:#0b3d91;" + Font;
    public const string Text = "margin:0 0 8px;font-size:15px;line-height:22px;" + Font;
    public const string Small = "margin:0 0 4px;font-size:13px;line-height:18px;color:#4a5560;" + Font;
    public const string Warning = "padding:12px 16px;background:#fff4e5;border-left:4px solid #c05600;font-size:15px;line-height:22px;color:#5a2a00;" + Font;
    public const string Table = "width:100%;border-collapse:collapse;margin:0 0 16px;" + Font;
    public const string Caption = "text-align:left;font-size:15px;font-weight:bold;padding:0 0 4px;" + Font;
    public const string Th = "text-align:right;font-size:12px;line-height:16px;font-weight:normal;color:#4a5560;padding:4px 6px;border-bottom:1px solid #cfd6dd;" + Font;
    public const string ThFirst = "text-align:left;font-size:12px;line-height:16px;font-weight:normal;color:#4a5560;padding:4px 6px;border-bottom:1px solid #cfd6dd;" + Font;
    public const string Td = "text-align:right;font-size:14px;line-height:20px;padding:4px 6px;border-bottom:1px solid #eef1f4;white-space:nowrap;" + Font;
    public const string TdFirst = "text-align:left;font-size:14px;line-height:20px;padding:4px 6px;border-bottom:1px solid #eef1f4;" + Font;
    /// <summary>A resident's value after a digest label (place, contact): darker than the label, so the two read apart.</summary>
    public const string Value = "color:#111827;";
    public const string Card = "padding:10px 12px;background:#f7f9fb;border-left:4px solid #0b3d91;" + Font;
    public const string Quote = "margin:6px 0 8px;padding:8px 10px;background:#ffffff;border:1px solid #d9dfe5;font-size:15px;line-height:22px;color:#111827;" + Font;
    public const string Link = "color:#0b57d0;text-decoration:underline;";
    public const string Rule = "border-top:1px solid #d9dfe5;";
}
