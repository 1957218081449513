using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Grastorp.Intake.Core.Tests.Architecture;

/// <summary>
/// Which Core namespaces each Core namespace uses, read from the compiled IL (signatures, attributes and method
/// bodies, compiler-generated types counted with the type that owns them), so a dependency hidden in a lambda or an
/// async method is seen too.
/// </summary>
internal static class CoreDependencies
{
    public const string Root = "Grastorp.Intake.Core";

    private static readonly Lazy<ModuleDefinition> Module = new(() =>
        ModuleDefinition.ReadModule(typeof(KeyId).Assembly.Location));

    /// <summary>Every top-level Core type with the types it references.</summary>
    public static IEnumerable<(TypeDefinition Type, IReadOnlySet<string> References)> Types() =>
        Module.Value.Types.Where(t => t.Namespace.StartsWith(Root, StringComparison.Ordinal))
            .Select(t => (t, (IReadOnlySet<string>)ReferencedTypeNames(t)));

    /// <summary>Every top-level Core type with the names of the methods of <paramref name="declaringType"/> it calls (async bodies and lambdas included).</summary>
    public static IEnumerable<(TypeDefinition Type, IReadOnlySet<string> Calls)> CallsTo(string declaringType) =>
        Module.Value.Types.Where(t => t.Namespace.StartsWith(Root, StringComparison.Ordinal))
            .Select(t => (t, (IReadOnlySet<string>)SelfAndNested(t)
                .SelectMany(n => n.Methods)
                .Where(m => m.HasBody)
                .SelectMany(m => m.Body.Instructions)
                .Select(i => i.Operand)
                .OfType<MethodReference>()
                .Where(m => m.DeclaringType.FullName == declaringType)
                .Select(m => m.Name)
                .ToHashSet(StringComparer.Ordinal)));

    public static IEnumerable<string> ReferencedAssemblies() => Module.Value.AssemblyReferences.Select(a => a.Name);

    /// <summary>The namespace graph: Core namespace → the other Core namespaces its types use.</summary>
    public static Dictionary<string, SortedSet<string>> NamespaceGraph()
    {
        var graph = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (type, references) in Types())
        {
            var uses = graph.TryGetValue(type.Namespace, out var set) ? set : graph[type.Namespace] = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var name in references)
            {
                var ns = name[..Math.Max(0, name.LastIndexOf('.'))];
                if (ns.StartsWith(Root, StringComparison.Ordinal) && ns != type.Namespace)
                {
                    uses.Add(ns);
                }
            }
        }

        return graph;
    }

    private static HashSet<string> ReferencedTypeNames(TypeDefinition type)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in SelfAndNested(type))
        {
            Add(names, t.BaseType);
            t.Interfaces.ToList().ForEach(i => Add(names, i.InterfaceType));
            Attributes(names, t.CustomAttributes);
            t.Fields.ToList().ForEach(f => { Add(names, f.FieldType); Attributes(names, f.CustomAttributes); });
            t.Properties.ToList().ForEach(p => { Add(names, p.PropertyType); Attributes(names, p.CustomAttributes); });
            foreach (var method in t.Methods)
            {
                Signature(names, method);
                Attributes(names, method.CustomAttributes);
                if (method.HasBody)
                {
                    method.Body.Variables.ToList().ForEach(v => Add(names, v.VariableType));
                    method.Body.Instructions.ToList().ForEach(i => Operand(names, i));
                }
            }
        }

        return names;
    }

    private static IEnumerable<TypeDefinition> SelfAndNested(TypeDefinition type) => type.NestedTypes.SelectMany(SelfAndNested).Prepend(type);

    private static void Operand(HashSet<string> names, Instruction instruction)
    {
        switch (instruction.Operand)
        {
            case TypeReference type:
                Add(names, type);
                break;
            case MethodReference method:
                Add(names, method.DeclaringType);
                Signature(names, method);
                if (method is GenericInstanceMethod generic)
                {
                    generic.GenericArguments.ToList().ForEach(a => Add(names, a));
                }

                break;
            case FieldReference field:
                Add(names, field.DeclaringType);
                Add(names, field.FieldType);
                break;
        }
    }

    private static void Signature(HashSet<string> names, MethodReference method)
    {
        Add(names, method.ReturnType);
        method.Parameters.ToList().ForEach(p => Add(names, p.ParameterType));
    }

    private static void Attributes(HashSet<string> names, IEnumerable<CustomAttribute> attributes)
    {
        foreach (var attribute in attributes)
        {
            Add(names, attribute.AttributeType);
        }
    }

    private static void Add(HashSet<string> names, TypeReference? type)
    {
        switch (type)
        {
            case null or GenericParameter:
                return;
            case GenericInstanceType generic:
                Add(names, generic.ElementType);
                generic.GenericArguments.ToList().ForEach(a => Add(names, a));
                return;
            case TypeSpecification specification:
                Add(names, specification.ElementType);
                return;
        }

        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        names.Add(type.FullName);
    }
}
