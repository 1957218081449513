namespace Grastorp.Intake.Core.Abuse;

/// <summary>
/// Configuration section <c>FormOrigins</c>: other sites allowed to post the tip form, for a municipality that embeds
/// it on its own site (<c>FormOrigins__Allowed__0=https://www.grastorp.se</c>). Empty by default: same origin only.
/// </summary>
public sealed class FormOriginOptions
{
    public const string SectionName = "FormOrigins";

    public IList<string> Allowed { get; } = [];
}
