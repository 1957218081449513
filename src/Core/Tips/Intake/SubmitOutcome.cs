using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Core.Privacy;
using Grastorp.Intake.Core.Tips.Check;

namespace Grastorp.Intake.Core.Tips.Intake;

/// <summary>What became of a submission. Hosts map each case to an HTTP answer.</summary>
public abstract record SubmitOutcome
{
    private SubmitOutcome()
    {
    }

    /// <summary>The language the resident is answered in: the form's <c>lang</c> field, else Accept-Language, else Swedish.</summary>
    public Language Language { get; init; }

    /// <summary>
    /// On the queue: the resident gets the reference, the kinds of personal data found in the text or place (never
    /// the values), so a form can nudge that names and numbers are not needed, and whether it reads as an emergency
    /// happening now (never the phrase), so the receipt can say "Ring 112".
    /// </summary>
    public sealed record Accepted(TipReference Reference, WeekId Week, TipCheck Check) : SubmitOutcome
    {
        public IReadOnlyList<PersonalDataKind> PersonalData => Check.PersonalData;

        public bool Emergency => Check.Emergency;
    }

    /// <summary>Field by field, what is wrong (400).</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : SubmitOutcome
    {
        /// <summary>What the resident sent, field by field, so a form can be shown again with every answer kept.</summary>
        public IReadOnlyDictionary<string, string?> Answers { get; init; } = new Dictionary<string, string?>();
    }

    /// <summary>The body is over <see cref="TipLimits.MaxBodyBytes"/> (413).</summary>
    public sealed record TooLarge : SubmitOutcome;

    /// <summary>Neither JSON nor a form post in UTF-8 (415).</summary>
    public sealed record UnsupportedMediaType : SubmitOutcome;

    /// <summary>A form post from another site that is not configured to embed the form (403).</summary>
    public sealed record CrossSite : SubmitOutcome;

    /// <summary>The client sent more tips than the rate limit allows; nothing was kept (429, with how long to wait).</summary>
    public sealed record TooMany(TimeSpan RetryAfter) : SubmitOutcome
    {
        /// <summary>What the resident sent, so a form can come back filled in: the same text can be sent after the wait.</summary>
        public IReadOnlyDictionary<string, string?> Answers { get; init; } = new Dictionary<string, string?>();
    }

    /// <summary>Storage could not take the tip in time; nothing was kept, and the resident may try again later (503).</summary>
    public sealed record Unavailable(TimeSpan RetryAfter) : SubmitOutcome
    {
        /// <summary>What the resident sent, so the form comes back filled in and nothing has to be typed again.</summary>
        public IReadOnlyDictionary<string, string?> Answers { get; init; } = new Dictionary<string, string?>();
    }
}
