using System.Text.Json;

namespace Grastorp.Intake.Classification;

/// <summary>Reads lexicon files: the built-in ones shipped inside this assembly, and a municipality's own from disk.</summary>
public static class LexiconLoader
{
    private const string ResourcePrefix = "Grastorp.Intake.Classification.Lexicons.";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The languages with a built-in lexicon.</summary>
    public static IReadOnlyList<string> BuiltInLanguages { get; } = ["sv", "en"];

    /// <summary>The built-in lexicon of a language (<c>sv</c>, <c>en</c>), validated.</summary>
    public static LexiconDocument LoadBuiltIn(string language)
    {
        var name = $"{ResourcePrefix}{language}.json";
        using var stream = typeof(LexiconLoader).Assembly.GetManifestResourceStream(name)
            ?? throw new LexiconException($"There is no built-in lexicon for language '{language}'.");
        return Parse(stream, $"built-in {language}.json");
    }

    /// <summary>A lexicon file, validated. Errors name the file.</summary>
    public static LexiconDocument LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new LexiconException(path, ["the file does not exist"]);
        }

        try
        {
            using var stream = File.OpenRead(path);
            return Parse(stream, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LexiconException(path, [$"the file cannot be read ({ex.GetType().Name})"]);
        }
    }

    /// <summary>Parses and validates lexicon JSON; <paramref name="source"/> names it in errors.</summary>
    public static LexiconDocument Parse(Stream json, string source)
    {
        LexiconDocument? lexicon;
        try
        {
            lexicon = JsonSerializer.Deserialize<LexiconDocument>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new LexiconException(source, [$"not valid lexicon JSON ({ex.Message})"]);
        }

        if (lexicon is null)
        {
            throw new LexiconException(source, ["the file is empty"]);
        }

        var problems = LexiconValidator.Validate(lexicon);
        return problems.Count == 0 ? lexicon : throw new LexiconException(source, problems);
    }
}
