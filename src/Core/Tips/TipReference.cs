using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Grastorp.Intake.Core.Tips;

/// <summary>
/// The code a resident gets back: 10 characters of Crockford base32 (50 random bits). Short enough to read aloud
/// on the phone, with no I, L, O or U to mishear, and too many to guess.
/// </summary>
public readonly record struct TipReference
{
    public const int Length = 10;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private readonly string? _value;

    private TipReference(string value) => _value = value;

    public string Value => _value ?? throw new InvalidOperationException("An empty TipReference has no value.");

    public static TipReference New()
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new TipReference(new string(chars));
    }

    /// <summary>
    /// Reads a reference as a person may type it: any case, with spaces or hyphens, and O/I/L for 0/1/1
    /// as Crockford base32 prescribes.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out TipReference reference)
    {
        reference = default;
        if (text is null || text.Length > 2 * Length)
        {
            return false;
        }

        Span<char> chars = stackalloc char[Length];
        var count = 0;
        foreach (var raw in text)
        {
            if (raw is '-' or ' ')
            {
                continue;
            }

            var c = char.ToUpperInvariant(raw) switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                var other => other,
            };
            if (count == Length || !Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }

            chars[count++] = c;
        }

        if (count != Length)
        {
            return false;
        }

        reference = new TipReference(new string(chars));
        return true;
    }

    public override string ToString() => Value;
}
