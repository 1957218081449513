using Grastorp.Intake.Core;
using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Web.Text;
using Microsoft.AspNetCore.Components;

namespace Grastorp.Intake.Web.Pages;

/// <summary>What every page knows: its language and the site's configured facts, and how to look up its text.</summary>
public abstract class PageComponent : ComponentBase
{
    [Parameter]
    [EditorRequired]
    public Language Language { get; set; }

    [Parameter]
    [EditorRequired]
    public SiteOptions Site { get; set; } = default!;

    protected string T(string key, params object[] arguments) => PageText.Get(key, Language, arguments);

    /// <summary>Stands where a link goes inside a sentence, whose word order differs by language.</summary>
    protected const string Marker = "\u0001";

    protected static string Before(string sentence) => sentence[..sentence.IndexOf(Marker, StringComparison.Ordinal)];

    protected static string After(string sentence) => sentence[(sentence.IndexOf(Marker, StringComparison.Ordinal) + 1)..];

    protected string M(string key, params object[] arguments) => TipMessages.Get(key, Language, arguments);
}
