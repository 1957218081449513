namespace Grastorp.Intake.Core.Privacy;

/// <summary>The kinds of personal data a resident may write about someone else.</summary>
public enum PersonalDataKind
{
    /// <summary>A personnummer or samordningsnummer (same kind: both identify one person).</summary>
    Personnummer,

    /// <summary>A Swedish mobile or landline number.</summary>
    Phone,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>A Swedish registration plate.</summary>
    Plate,

    /// <summary>A street with a house number.</summary>
    Address,
}

/// <summary>The wire id and the Swedish mask label of each kind.</summary>
public static class PersonalDataKinds
{
    /// <summary>All kinds, in the order reports list them.</summary>
    public static IReadOnlyList<PersonalDataKind> All { get; } = Enum.GetValues<PersonalDataKind>();

    /// <summary>The id used in JSON and labelled files: <c>personnummer</c>, <c>phone</c>, <c>email</c>, <c>plate</c>, <c>address</c>.</summary>
    public static string Id(this PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.Personnummer => "personnummer",
        PersonalDataKind.Phone => "phone",
        PersonalDataKind.Email => "email",
        PersonalDataKind.Plate => "plate",
        PersonalDataKind.Address => "address",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind."),
    };

    /// <summary>What a reader sees instead of the value (Swedish, since every reader of a digest or export is).</summary>
    public static string MaskLabel(this PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.Personnummer => "[personnummer]",
        PersonalDataKind.Phone => "[telefon]",
        PersonalDataKind.Email => "[e-post]",
        PersonalDataKind.Plate => "[regnr]",
        PersonalDataKind.Address => "[adress]",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind."),
    };

    /// <summary>The kind with id <paramref name="id"/>, if there is one.</summary>
    public static bool TryParse(string? id, out PersonalDataKind kind)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Id(), id, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
