using System.Reflection;

namespace Grastorp.Intake.Infra.Tests;

/// <summary>Paths the build wrote into this assembly: the Bicep CLI from NuGet, infra/ and the Functions build output.</summary>
internal static class BuildPaths
{
    public static string Bicep { get; } = Metadata("BicepPath");

    public static string Infra { get; } = Path.GetFullPath(Metadata("InfraDirectory"));

    public static string FunctionsOutput { get; } = Path.GetFullPath(Metadata("FunctionsOutput"));

    private static string Metadata(string key) =>
        typeof(BuildPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The build did not set {key}.");
}
