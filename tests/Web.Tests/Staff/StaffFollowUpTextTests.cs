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
    public void A_move_or_reply_outcome_comes_back_as_a_line_in_either_language_and_anything_else_as_none()
    {
        Assert.Equal("Tips K7QM3XDP2A har nu steget ”Vidareskickat”.", StaffFollowUpText.OutcomeMessage(StaffFollowUpText.MoveOutcome(ProgressOutcome.Done, "forwarded"), "K7QM3XDP2A"));
        Assert.Equal("Tip K7QM3XDP2A is now at stage “Forwarded”.", StaffFollowUpText.OutcomeMessage("moved-forwarded", "K7QM3XDP2A", Language.English));
        Assert.Equal("Svaret på tips K7QM3XDP2A är borttaget.", StaffFollowUpText.OutcomeMessage(StaffFollowUpText.ReplyOutcome(ProgressOutcome.Done, "  "), "K7QM3XDP2A"));
        Assert.Null(StaffFollowUpText.OutcomeMessage("moved-archived", "K7QM3XDP2A"));
        Assert.Null(StaffFollowUpText.OutcomeMessage("reply-saved", "<script>"));
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
    public void A_reply_too_long_is_told_with_its_length_counted_as_the_limit_is()
    {
        var reply = "  " + new string('x', 300) + "😀e\u0301 ";

        Assert.Equal("Svaret får vara högst 300 tecken. Det är 302 tecken nu.", StaffFollowUpText.ReplyTooLong(reply, Language.Swedish));
        Assert.Equal("The reply can be at most 300 characters. It is 302 now.", StaffFollowUpText.ReplyTooLong(reply, Language.English));
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
