using System.Text.Json;

namespace Grastorp.Intake.Cli.Tests;

public class MaskCommandTests
{
    [Fact]
    public async Task Each_line_gets_its_masked_text_and_what_was_found()
    {
        const string input = """
            {"id":"m1","text":"Han bor på Storgatan 5B och kör ABC 123, ring 070-123 45 67"}
            {"id":"m2","text":"Inget här, bara vecka 48 och buss 12"}
            """;

        var (exitCode, output, error) = await CliRun.RunAsync(input, "mask");

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal("m1", lines[0].GetProperty("id").GetString());
        Assert.Equal("Han bor på [adress] och kör [regnr], ring [telefon]", lines[0].GetProperty("masked").GetString());
        var found = lines[0].GetProperty("found").EnumerateArray().ToList();
        Assert.Equal(["address", "plate", "phone"], found.Select(f => f.GetProperty("kind").GetString()));
        Assert.Equal("070-123 45 67", found[2].GetProperty("value").GetString());
        Assert.Equal(46, found[2].GetProperty("start").GetInt32());
        Assert.Equal(13, found[2].GetProperty("length").GetInt32());
        Assert.Equal("Inget här, bara vecka 48 och buss 12", lines[1].GetProperty("masked").GetString());
        Assert.Empty(lines[1].GetProperty("found").EnumerateArray());
    }

    [Fact]
    public async Task A_bad_line_is_reported_by_number_and_never_echoed()
    {
        const string input = "{\"id\":\"x\",\"txt\":\"pnr 811218-9876\"}\n{\"id\":\"y\",\"text\":\"ring 070-123 45 67\"\nnot json 811218-9876\n{\"id\":\"z\",\"text\":\"ok\"}\n";

        var (exitCode, output, error) = await CliRun.RunAsync(input, "mask");

        Assert.Equal(1, exitCode);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("line 1", error, StringComparison.Ordinal);
        Assert.Contains("line 2", error, StringComparison.Ordinal);
        Assert.Contains("line 3", error, StringComparison.Ordinal);
        Assert.DoesNotContain("9876", error, StringComparison.Ordinal);
        Assert.DoesNotContain("070", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_prints_precision_and_recall_per_kind()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pd-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(file, """
            {"id":"e1","text":"ring 070-123 45 67","expected":[{"kind":"phone","value":"070-123 45 67"}]}
            {"id":"e2","text":"vecka 48, reg ABC 123","expected":[]}
            {"id":"e3","text":"mejla a.b@c.se","expected":[{"kind":"email","value":"a.b@c.se"}],"heldOut":true}
            """, TestContext.Current.CancellationToken);
        try
        {
            var (exitCode, output, _) = await CliRun.RunAsync(string.Empty, "mask", "--evaluate", file, "--errors");

            Assert.Equal(0, exitCode);
            Assert.Contains("| phone | 1 | 1 | 1 | 1.000 | 1.000 |", output, StringComparison.Ordinal);
            Assert.Contains("| plate | 0 | 1 | 0 | 0.000 | 1.000 |", output, StringComparison.Ordinal);
            Assert.Contains("| all | 2 | 3 | 2 | 0.667 | 1.000 |", output, StringComparison.Ordinal);
            Assert.Contains("false alarm plate in e2", output, StringComparison.Ordinal);
            Assert.DoesNotContain("ABC 123", output, StringComparison.Ordinal);

            var (_, heldOut, _) = await CliRun.RunAsync(string.Empty, "mask", "--evaluate", file, "--part", "held-out");
            Assert.Contains("1 texts", heldOut, StringComparison.Ordinal);
            Assert.Contains("| email | 1 | 1 | 1 | 1.000 | 1.000 |", heldOut, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Evaluate_refuses_a_label_that_is_not_in_its_text_naming_the_line_only()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pd-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(file, "{\"id\":\"e1\",\"text\":\"hemlig 070-123 45 67\",\"expected\":[{\"kind\":\"phone\",\"value\":\"070-999\"}]}\n", TestContext.Current.CancellationToken);
        try
        {
            var (exitCode, output, error) = await CliRun.RunAsync(string.Empty, "mask", "--evaluate", file);

            Assert.Equal(2, exitCode);
            Assert.Empty(output);
            Assert.Contains(":1:", error, StringComparison.Ordinal);
            Assert.DoesNotContain("hemlig", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
