using Deque.AxeCore.Commons;

namespace Grastorp.Intake.Browser.Tests;

/// <summary>The axe rules every page is held to: WCAG 2.1 A and AA, what Swedish public bodies must meet (DOS-lagen).</summary>
internal static class Wcag
{
    public static readonly AxeRunOptions AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };
}
