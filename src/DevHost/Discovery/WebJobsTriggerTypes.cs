using System.Reflection;
using System.Reflection.Emit;
using Microsoft.Azure.Functions.Worker;
using WebJobs = Microsoft.Azure.WebJobs;

namespace Grastorp.Intake.DevHost.Discovery;

/// <summary>
/// The WebJobs SDK indexes only its own attributes, so for each queue or timer function of the Functions app this
/// builds, at start-up, a class the SDK can index: one method named after the function, its trigger parameter
/// carrying the WebJobs twin of the worker's attribute (same queue, connection, schedule), and a body that hands
/// the call to <see cref="FunctionInvoker"/>. Nothing is written by hand per function, so the two hosts cannot drift.
/// </summary>
internal static class WebJobsTriggerTypes
{
    private static readonly ConstructorInfo ObjectConstructor = typeof(object).GetConstructor(Type.EmptyTypes)!;
    private static readonly MethodInfo Invoke = typeof(FunctionInvoker).GetMethod(nameof(FunctionInvoker.InvokeAsync))!;

    public static IReadOnlyList<Type> Build(IEnumerable<DiscoveredFunction> functions)
    {
        var module = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("Grastorp.Intake.DevHost.Triggers"), AssemblyBuilderAccess.Run)
            .DefineDynamicModule("Triggers");
        return [.. functions.Where(f => f.Queue is not null || f.Timer is not null).Select(f => Build(module, f))];
    }

    private static Type Build(ModuleBuilder module, DiscoveredFunction function)
    {
        var type = module.DefineType("Grastorp.Intake.DevHost.Triggers." + function.Name, TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class);
        var invoker = type.DefineField("_invoker", typeof(FunctionInvoker), FieldAttributes.Private | FieldAttributes.InitOnly);
        DefineConstructor(type, invoker);

        var parameters = function.Method.GetParameters();
        var method = type.DefineMethod("Run", MethodAttributes.Public, typeof(Task), [.. parameters.Select(WebJobsTypeOf)]);
        method.SetCustomAttribute(Attribute<WebJobs.FunctionNameAttribute>([function.Name]));
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = method.DefineParameter(i + 1, ParameterAttributes.None, parameters[i].Name);
            if (TriggerOf(parameters[i]) is { } trigger)
            {
                parameter.SetCustomAttribute(trigger);
            }
        }

        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldfld, invoker);
        il.Emit(OpCodes.Ldstr, function.Name);
        il.Emit(OpCodes.Ldc_I4, parameters.Length);
        il.Emit(OpCodes.Newarr, typeof(object));
        for (var i = 0; i < parameters.Length; i++)
        {
            il.Emit(OpCodes.Dup);
            il.Emit(OpCodes.Ldc_I4, i);
            il.Emit(OpCodes.Ldarg, i + 1);
            var webJobsType = WebJobsTypeOf(parameters[i]);
            if (webJobsType.IsValueType)
            {
                il.Emit(OpCodes.Box, webJobsType);
            }

            il.Emit(OpCodes.Stelem_Ref);
        }

        il.Emit(OpCodes.Callvirt, Invoke);
        il.Emit(OpCodes.Ret);
        return type.CreateType();
    }

    private static void DefineConstructor(TypeBuilder type, FieldBuilder invoker)
    {
        var constructor = type.DefineConstructor(MethodAttributes.Public, CallingConventions.Standard, [typeof(FunctionInvoker)]);
        var il = constructor.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Call, ObjectConstructor);
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Stfld, invoker);
        il.Emit(OpCodes.Ret);
    }

    /// <summary>The type WebJobs binds for a worker parameter: the same, except the timer's own TimerInfo.</summary>
    private static Type WebJobsTypeOf(ParameterInfo parameter) =>
        parameter.ParameterType == typeof(TimerInfo) ? typeof(WebJobs.TimerInfo)
        : parameter.ParameterType == typeof(FunctionContext) ? throw new NotSupportedException($"{parameter.Member.Name}: FunctionContext is not available on the DevHost.")
        : parameter.ParameterType;

    private static CustomAttributeBuilder? TriggerOf(ParameterInfo parameter)
    {
        if (parameter.GetCustomAttribute<QueueTriggerAttribute>() is { } queue)
        {
            return Attribute<WebJobs.QueueTriggerAttribute>([queue.QueueName], (nameof(queue.Connection), queue.Connection));
        }

        if (parameter.GetCustomAttribute<TimerTriggerAttribute>() is { } timer)
        {
            return Attribute<WebJobs.TimerTriggerAttribute>(
                [timer.Schedule], (nameof(timer.RunOnStartup), timer.RunOnStartup), (nameof(timer.UseMonitor), timer.UseMonitor));
        }

        return null;
    }

    private static CustomAttributeBuilder Attribute<T>(object[] arguments, params (string Name, object? Value)[] properties)
        where T : Attribute
    {
        var type = typeof(T);
        var constructor = type.GetConstructor([.. arguments.Select(a => a.GetType())])!;
        var named = properties.Where(p => p.Value is not null).ToArray();
        return new CustomAttributeBuilder(
            constructor, arguments, [.. named.Select(p => type.GetProperty(p.Name)!)], [.. named.Select(p => p.Value!)]);
    }
}
