using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Grastorp.Intake.Infra.Tests;

/// <summary>
/// The app settings the code reads, found without running it: options classes (any type with a
/// <c>public const string SectionName</c>, its properties walked into nested objects and lists) in the
/// Grastorp.Intake assemblies of the Functions build, and the <c>%…%</c> expressions and connection names in the
/// functions.metadata the worker SDK generated. A new options class is picked up with no change here.
/// </summary>
internal static partial class CodeSettings
{
    private const int MaxDepth = 6;

    private static readonly HashSet<string> ScalarTypes =
    [
        "System.String", "System.Boolean", "System.Char", "System.Byte", "System.SByte", "System.Int16", "System.UInt16",
        "System.Int32", "System.UInt32", "System.Int64", "System.UInt64", "System.Single", "System.Double", "System.Decimal",
        "System.DateTime", "System.DateTimeOffset", "System.DateOnly", "System.TimeOnly", "System.TimeSpan", "System.Guid",
        "System.Uri", "System.Version",
    ];

    private static readonly HashSet<string> ListTypes =
    [
        "System.Collections.Generic.List`1", "System.Collections.Generic.IList`1", "System.Collections.Generic.ICollection`1",
        "System.Collections.Generic.IEnumerable`1", "System.Collections.Generic.IReadOnlyList`1",
        "System.Collections.Generic.IReadOnlyCollection`1", "System.Collections.Generic.HashSet`1", "System.Collections.Generic.ISet`1",
    ];

    private static readonly HashSet<string> DictionaryTypes =
    [
        "System.Collections.Generic.Dictionary`2", "System.Collections.Generic.IDictionary`2", "System.Collections.Generic.IReadOnlyDictionary`2",
    ];

    /// <summary>Everything the Functions app reads: options in its own projects' assemblies and its functions.metadata.</summary>
    public static IReadOnlyList<SettingPattern> OfFunctionsApp() =>
    [
        .. FromAssemblies(ProjectAssemblies(), BuildPaths.FunctionsOutput),
        .. FromFunctionsMetadata(JsonNode.Parse(File.ReadAllText(Path.Combine(BuildPaths.FunctionsOutput, "functions.metadata")))!.AsArray()),
    ];

    /// <summary>
    /// The assemblies of the projects the Functions app is built from (Functions, Core and whatever else it references),
    /// read from its deps.json, so a stale DLL left in bin/ counts for nothing.
    /// </summary>
    public static IReadOnlyList<string> ProjectAssemblies()
    {
        var deps = JsonNode.Parse(File.ReadAllText(Path.Combine(BuildPaths.FunctionsOutput, "Grastorp.Intake.Functions.deps.json")))!;
        var projects = deps["libraries"]!.AsObject().Where(l => l.Value!["type"]!.GetValue<string>() == "project").Select(l => l.Key).ToHashSet();
        var target = deps["targets"]!.AsObject().First().Value!.AsObject();
        return
        [
            .. target.Where(t => projects.Contains(t.Key))
                .SelectMany(t => t.Value!["runtime"]?.AsObject().Select(r => r.Key) ?? [])
                .Select(dll => Path.Combine(BuildPaths.FunctionsOutput, dll))
                .Distinct(),
        ];
    }

    /// <summary>Options classes in the given assemblies, read with a MetadataLoadContext (nothing is loaded to run).</summary>
    public static IReadOnlyList<SettingPattern> FromAssemblies(IEnumerable<string> assemblyPaths, string dependencyDirectory)
    {
        using var context = LoadContext(dependencyDirectory);
        var settings = new List<SettingPattern>();
        foreach (var path in assemblyPaths)
        {
            foreach (var type in LoadableTypes(context.LoadFromAssemblyPath(path)))
            {
                if (type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
                    && field.GetRawConstantValue() is string section)
                {
                    var prefix = section.Replace(":", "__", StringComparison.Ordinal);
                    Walk(type, prefix, required: true, type.Name, settings, depth: 0);
                }
            }
        }

        return settings;
    }

    /// <summary>Constant names (e.g. queue names) declared in the assemblies of the Functions app's projects.</summary>
    public static IReadOnlyList<(string Field, string Value)> Constants(Func<string, bool> fieldName)
    {
        using var context = LoadContext(BuildPaths.FunctionsOutput);
        return
        [
            .. ProjectAssemblies()
                .SelectMany(path => LoadableTypes(context.LoadFromAssemblyPath(path)))
                .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.Static))
                .Where(f => f.IsLiteral && fieldName(f.Name) && f.GetRawConstantValue() is string)
                .Select(f => ($"{f.DeclaringType!.Name}.{f.Name}", (string)f.GetRawConstantValue()!)),
        ];
    }

    /// <summary><c>%NAME%</c> in any binding property (schedules, queue names…) and every binding's <c>connection</c>.</summary>
    public static IReadOnlyList<SettingPattern> FromFunctionsMetadata(JsonArray metadata)
    {
        var settings = new List<SettingPattern>();
        foreach (var function in metadata)
        {
            var name = function!["name"]!.GetValue<string>();
            foreach (var binding in function["bindings"]!.AsArray())
            {
                foreach (var value in Strings(binding!, depth: 0))
                {
                    settings.AddRange(AppSettingExpression().Matches(value)
                        .Select(m => new SettingPattern(m.Groups[1].Value, Required: true, $"{name} binding %{m.Groups[1].Value}%")));
                }

                if (binding!["connection"]?.GetValue<string>() is { Length: > 0 } connection)
                {
                    // A connection is a connection string under its own name or identity-based settings under it.
                    settings.Add(new SettingPattern($"{connection}__**", Required: true, $"{name} binding connection"));
                    settings.Add(new SettingPattern(connection, Required: false, $"{name} binding connection"));
                }
            }
        }

        return settings;
    }

    private static void Walk(Type type, string prefix, bool required, string readBy, List<SettingPattern> settings, int depth)
    {
        if (depth > MaxDepth)
        {
            settings.Add(new SettingPattern($"{prefix}__**", Required: false, readBy));
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is not { IsPublic: true })
            {
                continue;
            }

            var key = $"{prefix}__{property.Name}";
            var shape = ShapeOf(property.PropertyType);
            // Validation reaches into a nested object only when it is itself required or marked [ValidateObjectMembers].
            var propertyRequired = required && (IsRequired(property)
                || (shape.Kind == ShapeKind.Object && property.CustomAttributes.Any(a => a.AttributeType.Name == "ValidateObjectMembersAttribute")));
            if (shape.Kind == ShapeKind.Scalar && property.SetMethod is not { IsPublic: true })
            {
                continue;
            }

            AddShape(shape, key, propertyRequired, readBy, settings, depth);
        }
    }

    private static void AddShape(ValueShape shape, string key, bool required, string readBy, List<SettingPattern> settings, int depth)
    {
        switch (shape.Kind)
        {
            case ShapeKind.Scalar:
                settings.Add(new SettingPattern(key, required, readBy));
                break;
            case ShapeKind.List or ShapeKind.Dictionary:
                var itemKey = $"{key}__{(shape.Kind == ShapeKind.List ? "#" : "*")}";
                var item = ShapeOf(shape.Element!);
                if (required)
                {
                    // At least one item, whatever its shape.
                    settings.Add(new SettingPattern(item.Kind == ShapeKind.Scalar ? itemKey : $"{itemKey}__**", Required: true, readBy));
                }

                AddShape(item, itemKey, required: false, readBy, settings, depth + 1);
                break;
            case ShapeKind.Object:
                Walk(shape.Element!, key, required, readBy, settings, depth + 1);
                break;
            default:
                settings.Add(new SettingPattern($"{key}__**", Required: false, readBy));
                break;
        }
    }

    private enum ShapeKind { Scalar, List, Dictionary, Object, Opaque }

    private sealed record ValueShape(ShapeKind Kind, Type? Element);

    private static ValueShape ShapeOf(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1")
        {
            type = type.GetGenericArguments()[0];
        }

        if (type.IsEnum || type.IsPrimitive || ScalarTypes.Contains(type.FullName ?? string.Empty))
        {
            return new ValueShape(ShapeKind.Scalar, null);
        }

        if (type.IsArray)
        {
            return new ValueShape(ShapeKind.List, type.GetElementType());
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition().FullName ?? string.Empty;
            if (ListTypes.Contains(definition))
            {
                return new ValueShape(ShapeKind.List, type.GetGenericArguments()[0]);
            }

            if (DictionaryTypes.Contains(definition))
            {
                return new ValueShape(ShapeKind.Dictionary, type.GetGenericArguments()[1]);
            }
        }

        return type.IsClass && type.Namespace?.StartsWith("Grastorp.", StringComparison.Ordinal) == true
            ? new ValueShape(ShapeKind.Object, type)
            : new ValueShape(ShapeKind.Opaque, null);
    }

    private static bool IsRequired(PropertyInfo property) => property.CustomAttributes.Any(a =>
        a.AttributeType.FullName == "System.ComponentModel.DataAnnotations.RequiredAttribute"
        || (a.AttributeType.FullName is "System.ComponentModel.DataAnnotations.MinLengthAttribute" or "System.ComponentModel.DataAnnotations.LengthAttribute"
            && a.ConstructorArguments.Count > 0 && a.ConstructorArguments[0].Value is int minimum && minimum > 0));

    private static IEnumerable<string> Strings(JsonNode node, int depth) => node switch
    {
        _ when depth > MaxDepth => [],
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : Strings(p.Value, depth + 1)),
        JsonArray a => a.SelectMany(v => v is null ? [] : Strings(v, depth + 1)),
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => [v.GetValue<string>()],
        _ => [],
    };

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }

    private static MetadataLoadContext LoadContext(string directory)
    {
        // The app's own assemblies first, then the shared frameworks it runs on (.NET and ASP.NET Core).
        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        var shared = Path.GetFullPath(Path.Combine(runtime, "..", ".."));
        var aspNet = Directory.Exists(Path.Combine(shared, "Microsoft.AspNetCore.App"))
            ? Directory.GetDirectories(Path.Combine(shared, "Microsoft.AspNetCore.App")).Order().LastOrDefault()
            : null;
        var paths = new[] { directory, runtime, aspNet }
            .OfType<string>()
            .SelectMany(d => Directory.GetFiles(d, "*.dll"))
            .DistinctBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase);
        return new MetadataLoadContext(new PathAssemblyResolver(paths));
    }

    [GeneratedRegex("%([A-Za-z0-9_]+)%")]
    private static partial Regex AppSettingExpression();
}
