using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Texts;
using Microsoft.AspNetCore.Components;

namespace Grastorp.Intake.Web.Staff;

/// <summary>What every staff page knows: its language, how to look up its text, and its paths in that language.</summary>
public abstract class StaffComponent : ComponentBase
{
    [Parameter]
    public Language Language { get; set; }

    protected string T(string key, params object[] arguments) => StaffText.Get(key, Language, arguments);

    /// <summary>A staff path in this page's language.</summary>
    protected string PathOf(string path) => StaffPaths.In(Language, path);
}
