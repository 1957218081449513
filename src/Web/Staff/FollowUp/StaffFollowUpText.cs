using System.Resources;
using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.Conversation;
using Grastorp.Intake.Core.Staff.FollowUp;
using Grastorp.Intake.Core.Staff.TipList;
using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Core.Tips;
using Microsoft.AspNetCore.Http;

namespace Grastorp.Intake.Web.Staff.FollowUp;

/// <summary>
/// The staff follow-up's labels (stages, conversation, actions) from StaffFollowUpText.resx (Swedish, the default) and
/// StaffFollowUpText.en.resx, and the messages a stage move or message brings back to the tip list after its redirect.
/// </summary>
public static class StaffFollowUpText
{
    /// <summary>The query fields that carry a move's or message's outcome back to the list (beside the correction's own).</summary>
    public const string OutcomeField = "uppfoljning";
    public const string ReferenceField = "tips";

    /// <summary>The form field with the list's query, so a post returns to the same week, filter and page.</summary>
    public const string ReturnField = "tillbaka";

    /// <summary>The form field with the list's language, so the answer returns to /personal/tips or /en/personal/tips.</summary>
    public const string LanguageField = "lang";

    /// <summary>The form field that says a form was posted from the tip's own page, so the answer returns there.</summary>
    public const string FromField = "fran";

    public const string FromTipPage = "tipset";

    /// <summary>Whether a follow-up or correction form came from the tip's own page (else from the list, or an API client).</summary>
    public static bool IsFromTipPage(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form[FromField] == FromTipPage;
    }

    /// <summary>Back to the tip's own page (in its language) with what happened, as a query the page reads like the list does.</summary>
    public static string AfterPostToTip(string outcomeField, string outcome, string referenceField, string reference, Language language)
    {
        var safeReference = TipReference.TryParse(reference, out var parsed) ? parsed.Value : string.Empty;
        return $"{StaffPaths.In(language, StaffPaths.Tip(safeReference))}?{outcomeField}={Uri.EscapeDataString(outcome)}&{referenceField}={safeReference}";
    }

    private static readonly ResourceManager Resources = new("Grastorp.Intake.Web.Staff.FollowUp.StaffFollowUpText", typeof(StaffFollowUpText).Assembly);

    public static string Get(string key, Language language = Language.Swedish, params object[] arguments)
    {
        var culture = language.Culture();
        var format = Resources.GetString(key, culture) ?? throw new ArgumentOutOfRangeException(nameof(key), key, "No such staff follow-up text.");
        return arguments.Length == 0 ? format : string.Format(culture, format, arguments);
    }

    public static string StageName(string stage, Language language = Language.Swedish) =>
        Get("Stage_" + (stage is TipStage.Received or TipStage.Classified or TipStage.Read or TipStage.Forwarded or TipStage.Closed ? stage : TipStage.Classified), language);

    /// <summary>The stages a tip may be moved to from <paramref name="stage"/>, in order.</summary>
    public static IReadOnlyList<string> NextMoves(string stage) => [.. TipStage.StaffMoves.Where(to => TipStage.CanMove(stage, to))];

    /// <summary>Back to the list the form was on, with what happened. Only a query of plain characters is taken back.</summary>
    public static string AfterPost(string? returnQuery, string outcome, string reference, Language language = Language.Swedish)
    {
        var query = IsPlainQuery(returnQuery) ? returnQuery + "&" : string.Empty;
        var safeReference = TipReference.TryParse(reference, out var parsed) ? parsed.Value : string.Empty;
        return $"{StaffPaths.In(language, StaffPaths.Tips)}?{query}{OutcomeField}={Uri.EscapeDataString(outcome)}&{ReferenceField}={safeReference}#tip-{safeReference}";
    }

    /// <summary>The list's query as posted back, if it is one the list itself wrote (plain characters, short).</summary>
    public static bool IsPlainQuery(string? query) =>
        query is { Length: > 0 and < 400 } && query.All(c => char.IsAsciiLetterOrDigit(c) || c is '=' or '&' or '-' or '_' or '%' or '.');

    /// <summary>The outcome of a move (<c>moved-forwarded</c>, <c>unchanged-read</c>) as a query value.</summary>
    public static string MoveOutcome(ProgressOutcome outcome, string to) =>
        (outcome == ProgressOutcome.Done ? "moved-" : "unchanged-") + to;

    /// <summary>A written message's outcome as a query value (<c>message-added</c>, <c>message-added-notified</c>, …).</summary>
    public static string MessageOutcome(MessageWritten written)
    {
        ArgumentNullException.ThrowIfNull(written);
        return written switch
        {
            { Outcome: Core.Tips.Store.Conversation.MessageOutcome.Added, Notice: TipsterNotice.Sent } => "message-added-notified",
            { Outcome: Core.Tips.Store.Conversation.MessageOutcome.Added, Notice: TipsterNotice.Failed } => "message-added-notice-failed",
            { Outcome: Core.Tips.Store.Conversation.MessageOutcome.Added } => "message-added",
            { Outcome: Core.Tips.Store.Conversation.MessageOutcome.Full } => "message-full",
            _ => "message-again",
        };
    }

    /// <summary>The line shown above the list after a move or message; null for anything else (another form's outcome, a hand-made link).</summary>
    public static string? OutcomeMessage(string? outcome, string? reference, Language language = Language.Swedish)
    {
        if (outcome is null || !TipReference.TryParse(reference, out var parsed))
        {
            return null;
        }

        var tip = parsed.Value;
        return outcome switch
        {
            "message-added" => Get("MessageAdded", language, tip),
            "message-added-notified" => Get("MessageAddedNotified", language, tip),
            "message-added-notice-failed" => Get("MessageAddedNoticeFailed", language, tip),
            "message-again" => Get("MessageAgain", language, tip),
            "message-full" => Get("MessageFull", language, tip, Core.Tips.Store.Conversation.ConversationStore.MaxMessages),
            _ when outcome.StartsWith("moved-", StringComparison.Ordinal) && TipStage.StaffMoves.Contains(outcome[6..]) =>
                Get("Moved", language, tip, StageName(outcome[6..], language)),
            _ when outcome.StartsWith("unchanged-", StringComparison.Ordinal) && TipStage.StaffMoves.Contains(outcome[10..]) =>
                Get("MoveUnchanged", language, tip, StageName(outcome[10..], language)),
            _ => null,
        };
    }

    /// <summary>Every query field the tip list reads: its filter, and what a correction, move or message brought back.</summary>
    public static IReadOnlyList<string> ListFields { get; } =
        [.. TipListQuery.Fields, StaffText.ResultField, TipCorrectionService.ReferenceField, OutcomeField, ReferenceField];

    /// <summary>The line above the list after a correction, a move or a message (from <see cref="ListFields"/>' values); null for none.</summary>
    public static string? MessageAfterPost(IReadOnlyDictionary<string, string?> query, Language language)
    {
        ArgumentNullException.ThrowIfNull(query);
        return StaffText.CorrectionMessage(query.GetValueOrDefault(StaffText.ResultField), query.GetValueOrDefault(TipCorrectionService.ReferenceField), language)
            ?? OutcomeMessage(query.GetValueOrDefault(OutcomeField), query.GetValueOrDefault(ReferenceField), language);
    }

    /// <summary>The language of the list a follow-up form was posted from.</summary>
    public static Language LanguageOf(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return Languages.FromCode(form[LanguageField]);
    }

    /// <summary>A move against the order of stages, said at the tip's stage form.</summary>
    public static string MoveInvalid(string reference, string to, Language language) =>
        Get("MoveInvalid", language, reference, StageName(to, language));

    /// <summary>The tip page's field of a message to the resident (the textarea's id).</summary>
    public static string MessageField(string reference) => $"meddelande-{reference}";

    /// <summary>
    /// A message to the resident that was not taken: empty, over the limit (with its length as counted), or a text that
    /// is fine but came without the form's token (a client other than the tip page, or a page from before the token).
    /// </summary>
    public static string MessageInvalid(string? text, Language language) =>
        string.IsNullOrWhiteSpace(text) ? Get("MessageMissing", language)
        : !StaffConversationService.IsValid(text) ? Get("MessageTooLong", language, StaffConversationService.MaxMessageLength, TipLimits.LengthOf(text.Trim()))
        : Get("MessageResend", language);

    /// <summary>The field of the tip list a refused move belongs to (the stage form's id).</summary>
    public static string StageField(string reference) => $"steg-{reference}";
}
