using System.Text.Json;
using Grastorp.Intake.Core.Emergency;
using Grastorp.Intake.Core.Privacy;
using Grastorp.Intake.Core.Tips.Check;

namespace Grastorp.Intake.Core.Tests.Tips.Check;

/// <summary>The one rule set behind the form's nudge and 112 cue and the submission's answer.</summary>
public sealed class TipCheckerTests
{
    private readonly TipChecker _checker = new(new PersonalDataDetector(), new EmergencyCueDetector());

    [Fact]
    public void A_personnummer_in_the_text_gives_the_nudge_and_no_cue()
    {
        var check = _checker.Check("Han som säljer har personnummer 19811218-9876.", null);

        Assert.Equal([PersonalDataKind.Personnummer], check.PersonalData);
        Assert.True(check.Nudge);
        Assert.False(check.Emergency);
    }

    [Fact]
    public void A_mistyped_personnummer_gives_the_nudge_like_a_valid_one()
    {
        var check = _checker.Check("Grannen heter Lisa och har personnummer 19850101-1234.", null);

        Assert.Equal([PersonalDataKind.Personnummer], check.PersonalData);
        Assert.True(check.Nudge);
    }

    [Fact]
    public void An_address_in_the_place_alone_gives_the_nudge()
    {
        var check = _checker.Check("Det langas knark vid porten på kvällarna.", "Vallgatan 3 lgh 1102");

        Assert.Equal([PersonalDataKind.Address], check.PersonalData);
    }

    [Theory]
    [InlineData("Det brinner just nu i förrådet bakom skolan", true)]
    [InlineData("det brinner just nu", true)]
    [InlineData("Han har en kniv och står i trapphuset", true)]
    [InlineData("It is happening right now, someone is hurt", true)]
    [InlineData("det brann förra året", false)]
    [InlineData("Det brann förra året i samma förråd", false)]
    [InlineData("Ingen är skadad men fönstret är krossat", false)]
    [InlineData("Det brinner inte längre, brandkåren har varit här", false)]
    [InlineData("Han hotade mig med en kniv förra veckan", false)]
    [InlineData("There was a fire here last year", false)]
    [InlineData("Bilarna kör för fort på Storgatan varje morgon", false)]
    public void The_cue_follows_the_phrase_file_with_its_negations_and_past_tense(string text, bool emergency) =>
        Assert.Equal(emergency, _checker.Check(text, null).Emergency);

    [Fact]
    public void A_phrase_in_the_place_counts_but_nothing_spans_text_and_place()
    {
        Assert.True(_checker.Check("Rök syns från taket", "det brinner").Emergency);
        // "just" ends the text and "nu" starts the place: not one phrase across the two fields.
        Assert.False(_checker.Check("Han står där just", "nu vid torget").Emergency);
        // Digits at the end of the text and the start of the place are not one personnummer.
        Assert.Empty(_checker.Check("Han sa 811218", "9876 var numret").PersonalData);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "  ")]
    public void Nothing_written_gives_nothing(string? text, string? place) => Assert.Same(TipCheck.Nothing, _checker.Check(text, place));

    /// <summary>The labelled corpus the detector is measured on: the check nudges exactly on the lines that hold personal data.</summary>
    [Fact]
    public void On_the_labelled_corpus_the_check_reports_exactly_the_labelled_kinds()
    {
        var wrong = new List<string>();
        var lines = 0;
        foreach (var line in File.ReadLines(CorpusPath()).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            lines++;
            var row = JsonDocument.Parse(line).RootElement;
            var expected = row.GetProperty("expected").EnumerateArray()
                .Select(e => PersonalDataKinds.TryParse(e.GetProperty("kind").GetString(), out var kind) ? kind : throw new InvalidDataException(line))
                .Distinct().Order().ToList();
            var found = _checker.Check(row.GetProperty("text").GetString(), null).PersonalData;
            if (!expected.SequenceEqual(found))
            {
                wrong.Add($"{row.GetProperty("id").GetString()}: expected [{string.Join(',', expected)}], found [{string.Join(',', found)}]");
            }
        }

        Assert.True(lines >= 150, $"only {lines} corpus lines");
        Assert.Empty(wrong);
    }

    private static string CorpusPath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "tests", "data", "personal-data.jsonl")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("tests/data not found above the test binaries"), "tests", "data", "personal-data.jsonl");
    }
}
