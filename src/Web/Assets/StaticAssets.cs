using System.Collections.Frozen;
using System.Security.Cryptography;

namespace Grastorp.Intake.Web.Assets;

/// <summary>One file the pages load (style sheet, script, logo), embedded in this assembly.</summary>
public sealed record StaticAsset(string Name, string ContentType, ReadOnlyMemory<byte> Content, string ETag);

/// <summary>
/// The pages' own files, embedded in the assembly: the worker has no static-file middleware and does not publish a
/// Razor library's wwwroot. Each has a strong ETag from its content, and pages link it with that hash in the query,
/// so a browser may cache it for a year and still never runs an old script after a deployment.
/// </summary>
public static class StaticAssets
{
    private const string Prefix = "Grastorp.Intake.Web.Assets.";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, StaticAsset> All = Load();

    public static bool TryGet(string? name, out StaticAsset asset)
    {
        asset = null!;
        return name is not null && All.TryGetValue(name, out asset!);
    }

    /// <summary>The address a page links: the asset's path with its content hash, so a new version is a new URL.</summary>
    public static string Url(string name) =>
        All.TryGetValue(name, out var asset) ? $"/assets/{name}?v={asset.ETag.Trim('"')[..12]}" : throw new ArgumentOutOfRangeException(nameof(name), name, "No such asset.");

    private static FrozenDictionary<string, StaticAsset> Load()
    {
        var assembly = typeof(StaticAssets).Assembly;
        var assets = new Dictionary<string, StaticAsset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var name = resource[Prefix.Length..];
            if (!ContentTypes.TryGetValue(Path.GetExtension(name), out var contentType))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..32] + "\"";
            assets[name] = new StaticAsset(name, contentType, bytes, etag);
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
