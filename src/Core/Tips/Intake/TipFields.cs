namespace Grastorp.Intake.Core.Tips.Intake;

/// <summary>The field names of a tip submission, as the form and the JSON API spell them.</summary>
public static class TipFields
{
    public const string Text = "text";
    public const string Kind = "kind";
    public const string Municipality = "municipality";
    public const string Place = "place";
    public const string ObservedAt = "observedAt";
    public const string Contact = "contact";
    public const string Consent = "consent";

    /// <summary>The key under which errors about the request as a whole are reported.</summary>
    public const string Body = "body";
}
