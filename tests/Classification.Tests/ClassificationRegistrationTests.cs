using Grastorp.Intake.Core.DependencyInjection;
using Grastorp.Intake.Core.Themes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Classification.Tests;

public sealed class ClassificationRegistrationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lexicons").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddThemeClassifier(configuration).BuildServiceProvider();
    }

    [Fact]
    public void The_lexicon_classifier_is_the_default_singleton()
    {
        using var services = Build([]);
        var classifier = services.GetRequiredService<ITipClassifier>();
        Assert.IsType<LexiconTipClassifier>(classifier);
        Assert.Same(classifier, services.GetRequiredService<ITipClassifier>());
        services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void The_keyword_baseline_can_be_configured()
    {
        using var services = Build(new() { ["Classifier:Kind"] = "keyword" });
        Assert.IsType<KeywordTipClassifier>(services.GetRequiredService<ITipClassifier>());
    }

    [Fact]
    public void An_extra_lexicon_adds_a_theme()
    {
        var path = Path.Combine(_directory, "miljo.json");
        File.WriteAllText(path, """
            { "language": "sv",
              "themes": [ { "id": "miljo", "terms": [ { "compound": true, "words": ["belysning", "gatlampa"] } ] } ] }
            """);
        using var services = Build(new()
        {
            ["Classifier:ExtraLexicons:0"] = path,
            ["Themes:Extra:0:Id"] = "miljo",
            ["Themes:Extra:0:Swedish"] = "Utemiljö",
            ["Themes:Extra:0:English"] = "Outdoor environment",
        });

        var classifier = services.GetRequiredService<ITipClassifier>();
        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.Contains("miljo", classifier.Themes);
        Assert.Equal("Utemiljö", services.GetRequiredService<ThemeCatalog>().NameOf("miljo"));
        Assert.Equal("miljo", classifier.Classify("Gatlamporna vid skolan är trasiga").Primary);
    }

    [Fact]
    public void A_theme_from_an_extra_lexicon_without_a_name_fails_start_up_naming_the_theme()
    {
        var path = Path.Combine(_directory, "miljo.json");
        File.WriteAllText(path, """
            { "language": "sv",
              "themes": [ { "id": "miljo", "terms": [ { "compound": true, "words": ["belysning", "gatlampa"] } ] } ] }
            """);
        using var services = Build(new() { ["Classifier:ExtraLexicons:0"] = path });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("miljo", error.Message, StringComparison.Ordinal);
        Assert.Contains("Themes:Extra", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_extra_lexicon_fails_start_up_naming_the_setting_and_file()
    {
        var path = Path.Combine(_directory, "saknas.json");
        using var services = Build(new() { ["Classifier:ExtraLexicons:0"] = path });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Classifier:ExtraLexicons:0", ex.Message, StringComparison.Ordinal);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_spelling_dictionary_is_read_at_start_up_when_configured()
    {
        using var services = Build(new() { ["Classifier:SpellingDictionary"] = "builtin", ["Classifier:Model"] = "none" });

        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(Theme.Other, services.GetRequiredService<ITipClassifier>().Classify("Han markerade platsen på kartan").Primary);
    }

    [Fact]
    public void An_unsorted_spelling_dictionary_fails_start_up_naming_the_setting_file_and_line()
    {
        var path = Path.Combine(_directory, "ord.txt");
        File.WriteAllText(path, "vagen\nbilen\n");
        using var services = Build(new() { ["Classifier:SpellingDictionary"] = path });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Classifier:SpellingDictionary", ex.Message, StringComparison.Ordinal);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_extra_lexicon_fails_start_up_with_its_problems()
    {
        var path = Path.Combine(_directory, "trasig.json");
        File.WriteAllText(path, """{ "language": "sv", "themes": [ { "id": "other", "terms": [ { "words": ["skräp"] } ] } ] }""");
        using var services = Build(new() { ["Classifier:ExtraLexicons:0"] = path });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("theme 'other'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_kind_fails_start_up()
    {
        using var services = Build(new() { ["Classifier:Kind"] = "magic" });
        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
    }

    [Fact]
    public void Both_languages_are_used_when_none_are_configured()
    {
        using var services = Build([]);
        Assert.Equal(["sv", "en"], services.GetRequiredService<IOptions<ClassifierOptions>>().Value.Languages);
    }

    [Fact]
    public void The_languages_can_be_narrowed_to_english_only()
    {
        using var services = Build(new() { ["Classifier:Languages:0"] = "en", ["Classifier:Model"] = "none" });

        services.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(["en"], services.GetRequiredService<IOptions<ClassifierOptions>>().Value.Languages);
        var classifier = services.GetRequiredService<ITipClassifier>();
        Assert.Equal(Theme.Burglary, classifier.Classify("My bike was stolen from outside the gym").Primary);
    }

    [Theory]
    [InlineData("sv", "sv")]
    [InlineData("sv", "de")]
    public void A_repeated_or_unknown_language_fails_start_up_naming_the_setting(string first, string second)
    {
        using var services = Build(new() { ["Classifier:Languages:0"] = first, ["Classifier:Languages:1"] = second });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Classifier:Languages:1", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Classifier:ExtraLexicons:0")]
    [InlineData("Classifier:Model")]
    [InlineData("Classifier:SpellingDictionary")]
    public void A_path_that_cannot_be_a_path_fails_start_up_naming_the_setting(string setting)
    {
        using var services = Build(new() { [setting] = "bad\0name.json" });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(setting, ex.Message, StringComparison.Ordinal);
    }
}
