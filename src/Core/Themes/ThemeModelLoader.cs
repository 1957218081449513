using System.Text.Json;

namespace Grastorp.Intake.Core.Themes;

/// <summary>Reads and checks model files: the built-in one embedded in this assembly, or one from disk.</summary>
public static class ThemeModelLoader
{
    private const string ResourceName = "Grastorp.Intake.Core.Themes.Models.sv.model.json";

    /// <summary>How errors name the built-in model.</summary>
    public const string BuiltInSource = "built-in sv.model.json";

    /// <summary>Weights beyond this size mean a broken file, not a model.</summary>
    public const double MaxWeight = 100;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The shipped Swedish model, validated.</summary>
    public static ThemeModel LoadBuiltIn()
    {
        using var stream = typeof(ThemeModelLoader).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new LexiconException("The built-in theme model (sv.model.json) is missing from the assembly.");
        return Parse(stream, BuiltInSource);
    }

    /// <summary>A model file, validated. Errors name the file.</summary>
    public static ThemeModel LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new LexiconException($"Theme model '{path}' is invalid: the file does not exist");
        }

        try
        {
            using var stream = File.OpenRead(path);
            return Parse(stream, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LexiconException($"Theme model '{path}' is invalid: the file cannot be read ({ex.GetType().Name})", ex);
        }
    }

    /// <summary>Parses and validates model JSON; <paramref name="source"/> names it in errors.</summary>
    public static ThemeModel Parse(Stream json, string source)
    {
        ThemeModel? model;
        try
        {
            model = JsonSerializer.Deserialize<ThemeModel>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new LexiconException($"Theme model '{source}' is invalid: not valid model JSON ({ex.Message})", ex);
        }

        var problems = model is null ? ["the file is empty"] : Validate(model);
        return problems.Count == 0 ? model! : throw new LexiconException($"Theme model '{source}' is invalid: {string.Join("; ", problems)}");
    }

    /// <summary>Every problem in <paramref name="model"/>; empty when it can be used.</summary>
    public static IReadOnlyList<string> Validate(ThemeModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var problems = new List<string>();
        if (model.Language != Analysis.LexiconLanguage.Swedish)
        {
            problems.Add($"language '{model.Language}' is not supported (the model reads the Swedish analysis: use 'sv')");
        }

        if (model.Themes is null || model.Themes.Count == 0)
        {
            problems.Add("no themes");
            return problems;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < model.Themes.Count; i++)
        {
            var theme = model.Themes[i];
            if (theme is null)
            {
                problems.Add($"themes[{i}] is null");
                continue;
            }

            var where = $"theme '{theme.Id}'";
            if (!Theme.IsValidId(theme.Id) || theme.Id == Theme.Other)
            {
                problems.Add($"{where}: id must be 1-32 characters a-z, 0-9 or _, and not '{Theme.Other}'");
            }
            else if (!seen.Add(theme.Id))
            {
                problems.Add($"{where}: listed twice");
            }

            if (!double.IsFinite(theme.Bias) || Math.Abs(theme.Bias) > MaxWeight)
            {
                problems.Add($"{where}: bias must be a number between -{MaxWeight} and {MaxWeight}");
            }

            if (!(theme.Threshold > 0 && theme.Threshold < 1))
            {
                problems.Add($"{where}: threshold must be above 0 and below 1");
            }

            if (!(theme.Veto >= 0 && theme.Veto <= theme.Threshold))
            {
                problems.Add($"{where}: veto must be between 0 and the threshold");
            }

            if (theme.Weights is null)
            {
                problems.Add($"{where}: no weights");
                continue;
            }

            foreach (var (feature, weight) in theme.Weights)
            {
                if (!ThemeFeatures.IsValidName(feature))
                {
                    problems.Add($"{where}: feature '{feature}' is not a known kind of feature");
                }

                if (!double.IsFinite(weight) || Math.Abs(weight) > MaxWeight)
                {
                    problems.Add($"{where}: weight of '{feature}' must be a number between -{MaxWeight} and {MaxWeight}");
                }
            }
        }

        return problems;
    }
}
