using System.Text.Json;

namespace Grastorp.Intake.Core.Promises;

/// <summary>
/// Reads and checks the promise files of a folder. Every problem is reported with the file and the field
/// (<c>grastorp-2021.json: commitments[3].promisedBy …</c>), so a wrong file stops start-up with a message that says
/// where to look. Unknown fields are errors too: a misspelt <c>"theme"</c> would otherwise link no tip, silently.
/// </summary>
public static class PromiseFileReader
{
    private const int MaxCommitments = 40;
    private const int MaxText = 600;
    private const int MaxTerm = 60;

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 8 };
    private static readonly string[] PromiseFields = ["id", "year", "municipality", "example", "title", "source", "commitments"];
    private static readonly string[] CommitmentFields = ["id", "promisedBy", "text", "themes", "terms"];

    /// <summary>The promises of every <c>*.json</c> file in <paramref name="directory"/>, and the problems found (empty when all is well).</summary>
    public static (IReadOnlyList<Promise> Promises, IReadOnlyList<string> Errors) ReadDirectory(string directory, ISet<string> themes)
    {
        ArgumentNullException.ThrowIfNull(themes);
        if (!Directory.Exists(directory))
        {
            return ([], [$"{directory}: the promise folder does not exist (Promises:Directory)."]);
        }

        var promises = new List<Promise>();
        var errors = new List<string>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var promise = Read(name, File.ReadAllText(path), themes, errors);
            if (promise is null)
            {
                continue;
            }

            if (promises.FirstOrDefault(p => p.Id == promise.Id) is { } sameId)
            {
                errors.Add($"{name}: id '{promise.Id}' is already used by {sameId.File}.");
            }
            else if (promises.FirstOrDefault(p => p.Municipality == promise.Municipality && p.Year == promise.Year && p.IsExample == promise.IsExample) is { } sameYear)
            {
                errors.Add($"{name}: year {promise.Year} of {promise.Municipality} is already promised in {sameYear.File}.");
            }
            else
            {
                promises.Add(promise);
            }
        }

        return (promises, errors);
    }

    /// <summary>One file's promise, or null with its problems added to <paramref name="errors"/>.</summary>
    public static Promise? Read(string file, string json, ISet<string> themes, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(themes);
        var before = errors.Count;
        void Fail(string field, string problem) => errors.Add($"{file}: {field} {problem}");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            errors.Add($"{file}: not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}).");
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Fail("(root)", "must be an object.");
                return null;
            }

            Unknown(root, PromiseFields, string.Empty, Fail);
            var id = Id(root, "id", "id", Fail);
            var year = root.TryGetProperty("year", out var y) && y.ValueKind == JsonValueKind.Number && y.TryGetInt32(out var v) && v is >= 2000 and <= 2100 ? v : 0;
            if (year == 0)
            {
                Fail("year", "must be a year such as 2021.");
            }

            var municipality = Id(root, "municipality", "municipality", Fail);
            var title = Text(root, "title", "title", MaxText, Fail);
            var source = Text(root, "source", "source", MaxText, Fail);
            var example = false;
            if (root.TryGetProperty("example", out var e))
            {
                if (e.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    example = e.GetBoolean();
                }
                else
                {
                    Fail("example", "must be true or false.");
                }
            }

            var commitments = new List<Commitment>();
            if (!root.TryGetProperty("commitments", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() is 0 or > MaxCommitments)
            {
                Fail("commitments", $"must be a list of 1 to {MaxCommitments} commitments.");
            }
            else
            {
                var index = 0;
                foreach (var item in list.EnumerateArray())
                {
                    var at = $"commitments[{index++}]";
                    if (ReadCommitment(item, at, id, themes, Fail) is { } commitment)
                    {
                        if (commitments.Any(c => c.Id == commitment.Id))
                        {
                            Fail($"{at}.id", $"'{commitment.Id}' is used twice.");
                        }

                        commitments.Add(commitment);
                    }
                }
            }

            return errors.Count > before ? null : new Promise(id!, year, municipality!, title!, source!, example, commitments) { File = file };
        }
    }

    private static Commitment? ReadCommitment(JsonElement item, string at, string? promiseId, ISet<string> themes, Action<string, string> fail)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            fail(at, "must be an object.");
            return null;
        }

        Unknown(item, CommitmentFields, at + ".", fail);
        var id = Id(item, "id", $"{at}.id", fail);
        var promisedBy = item.TryGetProperty("promisedBy", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        if (promisedBy is null || !PromisedBy.All.Contains(promisedBy))
        {
            fail($"{at}.promisedBy", $"must be {string.Join(", ", PromisedBy.All)} (was '{promisedBy}').");
        }

        var text = Text(item, "text", $"{at}.text", MaxText, fail);
        var linkedThemes = Strings(item, "themes", at, MaxTerm, fail);
        for (var i = 0; i < linkedThemes.Count; i++)
        {
            if (!themes.Contains(linkedThemes[i]))
            {
                fail($"{at}.themes[{i}]", $"'{linkedThemes[i]}' is not a theme (known: {string.Join(", ", themes.Order(StringComparer.Ordinal))}; a theme from an extra lexicon needs Themes:Extra).");
            }
        }

        var terms = Strings(item, "terms", at, MaxTerm, fail);
        return id is null || promisedBy is null || text is null
            ? null
            : new Commitment($"{promiseId}.{id}", id, promisedBy, text, linkedThemes, terms);
    }

    private static void Unknown(JsonElement element, string[] known, string prefix, Action<string, string> fail)
    {
        foreach (var property in element.EnumerateObject().Where(p => !known.Contains(p.Name, StringComparer.Ordinal)))
        {
            fail(prefix + property.Name, $"is not a field of a promise file (known: {string.Join(", ", known)}).");
        }
    }

    private static string? Id(JsonElement element, string name, string field, Action<string, string> fail)
    {
        var value = element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (!KeyId.IsValid(value))
        {
            fail(field, "must be an id of lower-case letters a-z, digits or '_' (at most 32).");
            return null;
        }

        return value;
    }

    private static string? Text(JsonElement element, string name, string field, int max, Action<string, string> fail)
    {
        var value = element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()?.Trim() : null;
        if (string.IsNullOrEmpty(value) || value.Length > max)
        {
            fail(field, $"must be a text of 1 to {max} characters.");
            return null;
        }

        return value;
    }

    private static List<string> Strings(JsonElement element, string name, string at, int max, Action<string, string> fail)
    {
        var values = new List<string>();
        if (!element.TryGetProperty(name, out var list))
        {
            return values;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            fail($"{at}.{name}", "must be a list of texts.");
            return values;
        }

        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var value = item.ValueKind == JsonValueKind.String ? item.GetString()?.Trim() : null;
            if (string.IsNullOrEmpty(value) || value.Length > max)
            {
                fail($"{at}.{name}[{i}]", $"must be a text of 1 to {max} characters.");
            }
            else
            {
                values.Add(value);
            }

            i++;
        }

        return values;
    }
}
