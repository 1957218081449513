using Grastorp.Intake.Cli.Training;

namespace Grastorp.Intake.Cli.Tests;

public sealed class ModelFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("model-file").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_model_that_fails_its_check_leaves_the_previous_one_and_no_draft()
    {
        var target = new FileInfo(Path.Combine(_directory, "sv.model.json"));
        await File.WriteAllTextAsync(target.FullName, "previous", TestContext.Current.CancellationToken);
        string? checkedDraft = null;

        await Assert.ThrowsAsync<InvalidDataException>(() => ModelFile.WriteCheckedAsync("new", target, draft =>
        {
            checkedDraft = draft;
            Assert.Equal("new", File.ReadAllText(draft));
            throw new InvalidDataException("does not load");
        }, TestContext.Current.CancellationToken));

        Assert.Equal("previous", await File.ReadAllTextAsync(target.FullName, TestContext.Current.CancellationToken));
        Assert.NotNull(checkedDraft);
        Assert.False(File.Exists(checkedDraft));
    }

    [Fact]
    public async Task A_model_that_passes_is_written_through_a_symbolic_link()
    {
        var real = Path.Combine(_directory, "real.json");
        await File.WriteAllTextAsync(real, "previous", TestContext.Current.CancellationToken);
        var link = new FileInfo(Path.Combine(_directory, "link.json"));
        File.CreateSymbolicLink(link.FullName, real);

        await ModelFile.WriteCheckedAsync("new", link, _ => { }, TestContext.Current.CancellationToken);

        Assert.Equal("new", await File.ReadAllTextAsync(real, TestContext.Current.CancellationToken));
        Assert.NotNull(new FileInfo(link.FullName).LinkTarget);
    }
}
