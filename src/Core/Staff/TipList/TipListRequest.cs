using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Tips.Store.Listing;
using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Tips;

namespace Grastorp.Intake.Core.Staff.TipList;

/// <summary>The tip list's GET form as typed: municipality, week, kind, theme, and the page token.</summary>
public sealed record TipListRequest(string? Municipality, string? Week, string? Kind, string? Theme, string? After)
{
    /// <summary>The request a GET form's values make (missing fields are null).</summary>
    public static TipListRequest Of(IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new(
            values.GetValueOrDefault(TipListQuery.MunicipalityField),
            values.GetValueOrDefault(TipListQuery.WeekField),
            values.GetValueOrDefault(TipListQuery.KindField),
            values.GetValueOrDefault(TipListQuery.ThemeField),
            values.GetValueOrDefault(TipListQuery.AfterField));
    }
}

/// <summary>A validated tip list request (the partition and the filter), or what was wrong with it.</summary>
public sealed record TipListQuery(Municipality Municipality, WeekId Week, string? Kind, string? Theme, string? After)
{
    public const int PageSize = 50;

    public const string MunicipalityField = "kommun";
    public const string WeekField = "vecka";
    public const string KindField = "typ";
    public const string ThemeField = "tema";
    public const string AfterField = "efter";

    /// <summary>The form's fields, the page token last.</summary>
    public static IReadOnlyList<string> Fields { get; } = [MunicipalityField, WeekField, KindField, ThemeField, AfterField];

    public TipPartition Partition => new(Municipality.Id, Week);

    public TipListFilter Filter => new(Kind, Theme, PageSize, After);

    /// <summary>The same list as GET parameters (without the page token), for links and the form's return address.</summary>
    public string ToQueryString() =>
        $"{MunicipalityField}={Municipality.Id}&{WeekField}={Week}&{KindField}={Kind ?? "alla"}&{ThemeField}={Theme ?? "alla"}";
}
