using Microsoft.Azure.WebJobs;

namespace Grastorp.Intake.DevHost.Discovery;

/// <summary>Gives WebJobs the generated trigger classes to index, and nothing else.</summary>
internal sealed class TriggerTypeLocator(IReadOnlyList<Type> types) : ITypeLocator
{
    public IReadOnlyList<Type> GetTypes() => types;
}
