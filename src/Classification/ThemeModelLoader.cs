using Grastorp.Intake.Core;
using System.Text.Json;

using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Classification;

/// <summary>Reads and checks model files: the built-in one embedded in this assembly, or one from disk.</summary>
public static class ThemeModelLoader
{
    private const string ResourceName = "Grastorp.Intake.Classification.Models.sv.model.json";

    /// <summary>How errors name the built-in model.</summary>
    public const string BuiltInSource = "built-in sv.model.json";

    /// <summary>Weights beyond this size mean a broken file, not a model.</summary>
    public const double MaxWeight = 100;

    /// <summary>A word scale the app can use: above 0 (a word must count) and no larger than any weight may be.</summary>
    public static bool IsUsableWordScale(double scale) => scale > 0 && scale <= MaxWeight;

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

        problems.AddRange(model.CharGrams?.Problems() ?? []);
        problems.AddRange(model.Text?.Problems() ?? []);
        if (model.WordScale is { } scale && !IsUsableWordScale(scale))
        {
            problems.Add($"wordScale must be above 0 and at most {MaxWeight}");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < model.Themes.Count; i++)
        {
            if (model.Themes[i] is { } theme)
            {
                ValidateTheme(theme, model.CharGrams, seen, problems);
            }
            else
            {
                problems.Add($"themes[{i}] is null");
            }
        }

        if (model.Other is { } other)
        {
            ValidateOther(other, model.CharGrams, problems);
        }

        return problems;
    }

    private static void ValidateTheme(ThemeModelTheme theme, ThemeModelCharGrams? charGrams, HashSet<string> seen, List<string> problems)
    {
        var where = $"theme '{theme.Id}'";
        CheckThemeId(theme.Id, where, seen, problems);
        CheckBias(theme.Bias, where, problems);
        CheckDecisionRule(theme, where, problems);
        CheckWeights(theme.Weights, charGrams, where, problems);
    }

    private static void ValidateOther(ThemeModelOther other, ThemeModelCharGrams? charGrams, List<string> problems)
    {
        const string where = "other";
        CheckBias(other.Bias, where, problems);
        if (!(other.Margin >= 0 && other.Margin <= 1))
        {
            problems.Add($"{where}: margin must be between 0 and 1");
        }

        if (!(other.Rescue >= 0 && other.Rescue < 1))
        {
            problems.Add($"{where}: rescue must be at least 0 and below 1");
        }

        CheckWeights(other.Weights, charGrams, where, problems);
    }

    private static void CheckThemeId(string id, string where, HashSet<string> seen, List<string> problems)
    {
        if (!KeyId.IsValid(id) || id == Theme.Other)
        {
            problems.Add($"{where}: id must be 1-32 characters a-z, 0-9 or _, and not '{Theme.Other}'");
        }
        else if (!seen.Add(id))
        {
            problems.Add($"{where}: listed twice");
        }
    }

    private static void CheckBias(double bias, string where, List<string> problems)
    {
        if (!IsUsableWeight(bias))
        {
            problems.Add($"{where}: bias must be a number between -{MaxWeight} and {MaxWeight}");
        }
    }

    private static void CheckDecisionRule(ThemeModelTheme theme, string where, List<string> problems)
    {
        if (!(theme.Threshold > 0 && theme.Threshold < 1))
        {
            problems.Add($"{where}: threshold must be above 0 and below 1");
        }

        if (!(theme.Veto >= 0 && theme.Veto <= theme.Threshold))
        {
            problems.Add($"{where}: veto must be between 0 and the threshold");
        }
    }

    // The weights are null, whatever the type says, when the file has "weights": null.
    private static void CheckWeights(IReadOnlyDictionary<string, double>? weights, ThemeModelCharGrams? charGrams, string where, List<string> problems)
    {
        if (weights is null)
        {
            problems.Add($"{where}: no weights");
            return;
        }

        foreach (var (feature, weight) in weights)
        {
            if (!ThemeFeatures.IsValidName(feature))
            {
                problems.Add($"{where}: feature '{feature}' is not a known kind of feature");
            }
            else if (ThemeFeatures.CharGramBucket(feature) is var bucket and >= 0 && bucket >= (charGrams?.Buckets ?? 0))
            {
                problems.Add(charGrams is null
                    ? $"{where}: feature '{feature}' is a character n-gram, and the model has no charGrams settings"
                    : $"{where}: feature '{feature}' is beyond the {charGrams.Buckets} buckets");
            }

            if (!IsUsableWeight(weight))
            {
                problems.Add($"{where}: weight of '{feature}' must be a number between -{MaxWeight} and {MaxWeight}");
            }
        }
    }

    private static bool IsUsableWeight(double weight) => double.IsFinite(weight) && Math.Abs(weight) <= MaxWeight;
}
