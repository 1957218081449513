using System.Text.Json.Nodes;

namespace Grastorp.Intake.Infra.Tests;

/// <summary>Every resource of a compiled template, including those inside its modules' nested templates.</summary>
internal static class ArmResources
{
    public sealed record Resource(string Module, string Type, JsonObject Body)
    {
        public JsonNode? Properties => Body["properties"];

        public string Name => Body["name"]?.ToString() ?? string.Empty;
    }

    public static IReadOnlyList<Resource> All(JsonObject template) => [.. Walk(template, "main", depth: 0)];

    public static IReadOnlyList<Resource> OfType(JsonObject template, string type) =>
        [.. All(template).Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase))];

    /// <summary>The nested template of a module (a Microsoft.Resources/deployments resource).</summary>
    public static JsonObject Module(JsonObject template, string name) =>
        template["resources"]![name]!["properties"]!["template"]!.AsObject();

    private static IEnumerable<Resource> Walk(JsonObject template, string module, int depth)
    {
        if (depth > 5 || template["resources"] is not { } resources)
        {
            yield break;
        }

        var entries = resources is JsonObject byName
            ? byName.Select(r => (r.Key, Body: r.Value!.AsObject()))
            : resources.AsArray().Select(r => (Key: module, Body: r!.AsObject()));
        foreach (var (key, body) in entries)
        {
            var type = body["type"]!.GetValue<string>();
            if (body["existing"]?.GetValue<bool>() == true)
            {
                // Read, not deployed.
                continue;
            }

            if (type == "Microsoft.Resources/deployments" && body["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in Walk(nested, key, depth + 1))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return new Resource(module, type, body);
            }
        }
    }
}
