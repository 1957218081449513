using Grastorp.Intake.Core.Promises.Actions;
using Microsoft.AspNetCore.Http;

namespace Grastorp.Intake.Web.Staff.FollowUp;

/// <summary>The actions page's form as posted: the input Core checks, and the answers the page shows again when it is wrong.</summary>
public static class ActionForm
{
    private static readonly string[] Fields = ["commitment", "date", "summary", "countLabel", "countValue"];

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
}
