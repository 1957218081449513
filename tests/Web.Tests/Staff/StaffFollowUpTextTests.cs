using System.Collections;
using System.Globalization;
using System.Resources;
using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Web.Staff;
using Grastorp.Intake.Web.Staff.FollowUp;

namespace Grastorp.Intake.Web.Tests.Staff;

/// <summary>The staff follow-up's words: every Swedish label has an English one, and the outcome lines read back.</summary>
public class StaffFollowUpTextTests
{
    private static readonly ResourceManager Resources = new("Grastorp.Intake.Web.Staff.FollowUp.StaffFollowUpText", typeof(StaffFollowUpText).Assembly);

    private static Dictionary<string, string> Set(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);

    [Fact]
    public void Every_swedish_label_has_an_english_one_with_the_same_placeholders()
    {
        var swedish = Set(CultureInfo.InvariantCulture);
        var english = Set(CultureInfo.GetCultureInfo("en"));

        Assert.NotEmpty(swedish);
        Assert.Equal(swedish.Keys.Order(StringComparer.Ordinal), english.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, value) in swedish)
        {
            Assert.Equal(Placeholders(value), Placeholders(english[key]));
        }
    }

    [Fact]
    public void A_move_or_message_outcome_comes_back_as_a_line_in_either_language_and_anything_else_as_none()
    {
        Assert.Equal("Tips K7QM3XDP2A har nu steget ”Vidareskickat”.", StaffFollowUpText.OutcomeMessage(StaffFollowUpText.MoveOutcome(ProgressOutcome.Done, "forwarded"), "K7QM3XDP2A"));
        Assert.Equal("Tip K7QM3XDP2A is now at stage “Forwarded”.", StaffFollowUpText.OutcomeMessage("moved-forwarded", "K7QM3XDP2A", Language.English));
        Assert.Equal("Meddelandet till tipsaren för tips K7QM3XDP2A är skickat.", StaffFollowUpText.OutcomeMessage("message-added", "K7QM3XDP2A"));
        Assert.Null(StaffFollowUpText.OutcomeMessage("moved-archived", "K7QM3XDP2A"));
        Assert.Null(StaffFollowUpText.OutcomeMessage("reply-saved", "K7QM3XDP2A")); // the old public reply's outcome, gone with it
        Assert.Null(StaffFollowUpText.OutcomeMessage("message-added", "<script>"));
    }

    [Theory]
    [InlineData("kommun=vara&vecka=2026-W48&typ=alla&tema=alla", "/personal/tips?kommun=vara&vecka=2026-W48&typ=alla&tema=alla&uppfoljning=moved-read&tips=K7QM3XDP2A#tip-K7QM3XDP2A")]
    [InlineData("https://evil.example/", "/personal/tips?uppfoljning=moved-read&tips=K7QM3XDP2A#tip-K7QM3XDP2A")]
    [InlineData(null, "/personal/tips?uppfoljning=moved-read&tips=K7QM3XDP2A#tip-K7QM3XDP2A")]
    public void After_a_post_the_browser_goes_back_to_the_same_list_and_never_elsewhere(string? returnQuery, string expected)
    {
        Assert.Equal(expected, StaffFollowUpText.AfterPost(returnQuery, "moved-read", "K7QM3XDP2A"));
    }

    [Fact]
    public void A_message_not_taken_is_told_why_empty_too_long_with_its_length_counted_as_the_limit_is_or_sent_without_its_token()
    {
        var tooLong = "  " + new string('x', 1000) + "😀e\u0301 ";

        Assert.Equal("Skriv ett meddelande", StaffFollowUpText.MessageInvalid("  ", Language.Swedish));
        Assert.Equal("Meddelandet får vara högst 1\u00a0000 tecken. Det är 1\u00a0002 tecken nu.", StaffFollowUpText.MessageInvalid(tooLong, Language.Swedish));
        Assert.Equal("The message can be at most 1,000 characters. It is 1,002 now.", StaffFollowUpText.MessageInvalid(tooLong, Language.English));
        Assert.Equal("The message was not sent: the page was not the latest. Send it again.", StaffFollowUpText.MessageInvalid("Vilken kväll?", Language.English));
    }

    [Fact]
    public void The_list_shows_a_corrections_outcome_or_else_a_moves_and_nothing_for_anything_else()
    {
        Dictionary<string, string?> Query(params (string Field, string Value)[] values) =>
            StaffFollowUpText.ListFields.ToDictionary(f => f, f => (string?)values.FirstOrDefault(v => v.Field == f).Value, StringComparer.Ordinal);

        Assert.Equal("Tips K7QM3XDP2A har nu steget ”Läst”.", StaffFollowUpText.MessageAfterPost(Query(("uppfoljning", "moved-read"), ("tips", "K7QM3XDP2A")), Language.Swedish));
        Assert.Equal(
            StaffText.CorrectionMessage("corrected", "K7QM3XDP2A", Language.English),
            StaffFollowUpText.MessageAfterPost(Query(("resultat", "corrected"), ("referens", "K7QM3XDP2A"), ("uppfoljning", "moved-read"), ("tips", "K7QM3XDP2A")), Language.English));
        Assert.Null(StaffFollowUpText.MessageAfterPost(Query(("vecka", "2026-W48")), Language.Swedish));
        Assert.Contains("vecka", StaffFollowUpText.ListFields);
    }

    [Fact]
    public void Only_forward_moves_are_offered()
    {
        Assert.Equal(["read", "forwarded", "closed"], StaffFollowUpText.NextMoves("classified"));
        Assert.Equal(["forwarded", "closed"], StaffFollowUpText.NextMoves("read"));
        Assert.Equal(["closed"], StaffFollowUpText.NextMoves("forwarded"));
        Assert.Empty(StaffFollowUpText.NextMoves("closed"));
    }

    private static string[] Placeholders(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Order(StringComparer.Ordinal)];
}
