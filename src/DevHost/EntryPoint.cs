namespace Grastorp.Intake.DevHost;

/// <summary>
/// Names this assembly for WebApplicationFactory in tests. <c>Program</c> cannot: the referenced Functions app has a
/// public <c>Program</c> of its own.
/// </summary>
public sealed class EntryPoint
{
    private EntryPoint()
    {
    }
}
