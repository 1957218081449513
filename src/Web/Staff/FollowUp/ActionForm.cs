using Grastorp.Intake.Core.Promises.Actions;
using Microsoft.AspNetCore.Http;

namespace Grastorp.Intake.Web.Staff.FollowUp;

/// <summary>The actions page's form as posted: the input Core checks, and the answers the page shows again when it is wrong.</summary>
public static class ActionForm
{
    /// <summary>Set when the form corrects a published action: its id (the commitment field names its commitment).</summary>
    public const string IdField = "id";

    /// <summary>The actions page's query field that opens the form on a published action: its commitment.</summary>
    public const string EditField = "andra";

    private static readonly string[] Fields = ["commitment", "date", "summary", "countLabel", "countValue", IdField];

    public static ActionInput Input(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new ActionInput(form["commitment"], form["date"], form["summary"], form["countLabel"], form["countValue"]);
    }

    /// <summary>Every field's answer as written (an empty one as empty, so the date is not filled in again with today).</summary>
    public static IReadOnlyDictionary<string, string?> Kept(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return Fields.ToDictionary(f => f, f => (string?)form[f].ToString(), StringComparer.Ordinal);
    }

    /// <summary>A published action's answers, for the form that corrects it.</summary>
    public static IReadOnlyDictionary<string, string?> Of(CommitmentAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var count = action.Counts.Count > 0 ? action.Counts[0] : null;
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["commitment"] = action.Commitment,
            ["date"] = action.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["summary"] = action.Summary,
            ["countLabel"] = count?.Label,
            ["countValue"] = count?.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [IdField] = action.Id,
        };
    }
}
