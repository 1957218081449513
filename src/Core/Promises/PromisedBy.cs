namespace Grastorp.Intake.Core.Promises;

/// <summary>Who made a commitment, as the promise says: the police, the municipality, or both together.</summary>
public static class PromisedBy
{
    public const string Police = "polisen";
    public const string Municipality = "kommunen";
    public const string Together = "tillsammans";

    public static IReadOnlyList<string> All { get; } = [Police, Municipality, Together];

    public static string NameOf(string promisedBy, string language = "sv") => (promisedBy, language) switch
    {
        (Police, "en") => "The police",
        (Municipality, "en") => "The municipality",
        (Together, "en") => "Police and municipality together",
        (Police, _) => "Polisen",
        (Municipality, _) => "Kommunen",
        (Together, _) => "Polisen och kommunen tillsammans",
        _ => promisedBy,
    };
}
