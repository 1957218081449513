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

    /// <summary>
    /// "Skicka ett mejl när kommunpolisen skriver": optional, true or false; only with an e-mail address as the contact
    /// and consent (issue 32). The mail says only that there is a message: no text, no code.
    /// </summary>
    public const string Notify = "notify";

    /// <summary>"Hur vet du det här?": one of <see cref="TipSource.All"/>, optional.</summary>
    public const string Source = "source";

    /// <summary>The form's date and optional time of what was seen; together they stand for <see cref="ObservedAt"/>.</summary>
    public const string ObservedDate = "observedDate";

    /// <summary>The time of day to go with <see cref="ObservedDate"/>.</summary>
    public const string ObservedTime = "observedTime";

    /// <summary>The form's hidden language field ("sv" or "en"): the language of the answer. Its presence marks a form post.</summary>
    public const string Language = "lang";

    /// <summary>
    /// A field no person sees or fills (hidden from screen readers too, and from autofill); bots fill every field.
    /// A neutral name, so a bot has no reason to skip it.
    /// </summary>
    public const string Honeypot = "website";

    /// <summary>The key under which errors about the request as a whole are reported.</summary>
    public const string Body = "body";
}
