using Grastorp.Intake.Core.Tips.Intake;

namespace Grastorp.Intake.Web.Pages;

/// <summary>Which input an error summary link jumps to: the field itself, or the first input of a group.</summary>
public static class FieldIds
{
    public static string For(string field) => field switch
    {
        TipFields.ObservedAt => TipFields.ObservedDate,
        TipFields.Body => TipFields.Text,
        _ => field,
    };
}
