using System.Buffers.Binary;

namespace Grastorp.Intake.Classification;

/// <summary>
/// A long vector of numbers kept small in the model file: each value rounded to a 16-bit step of <see cref="Scale"/>
/// (value = step × scale), little-endian, in Base64. A text layer of 131,072 buckets per column is 350 KB this way,
/// against several MB as JSON numbers; the rounding moves a tip's logit by far less than the rule's margins.
/// </summary>
public sealed record ThemeModelVector
{
    /// <summary>What one step is worth.</summary>
    public double Scale { get; init; }

    /// <summary>The steps, as 16-bit little-endian integers in Base64.</summary>
    public string Steps { get; init; } = "";

    /// <summary>Rounds <paramref name="values"/> to steps of the largest magnitude / 32,767.</summary>
    public static ThemeModelVector Encode(ReadOnlySpan<float> values)
    {
        var largest = 0f;
        foreach (var value in values)
        {
            largest = Math.Max(largest, Math.Abs(value));
        }

        var scale = largest == 0 ? 1 : largest / short.MaxValue;
        var bytes = new byte[values.Length * sizeof(short)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * sizeof(short)), (short)Math.Round(values[i] / scale));
        }

        return new ThemeModelVector { Scale = scale, Steps = Convert.ToBase64String(bytes) };
    }

    /// <summary>The values, or null when <see cref="Steps"/> is not Base64 of whole 16-bit numbers.</summary>
    public float[]? Decode() => DecodeSteps() is { } steps ? [.. steps.Select(step => (float)(step * Scale))] : null;

    /// <summary>The steps themselves (value = step × <see cref="Scale"/>), or null as for <see cref="Decode"/>.</summary>
    public short[]? DecodeSteps()
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(Steps);
        }
        catch (FormatException)
        {
            return null;
        }

        if (bytes.Length % sizeof(short) != 0)
        {
            return null;
        }

        var steps = new short[bytes.Length / sizeof(short)];
        for (var i = 0; i < steps.Length; i++)
        {
            steps[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(i * sizeof(short)));
        }

        return steps;
    }

    /// <summary>Every problem with this vector as one of <paramref name="length"/> values (none negative, if so asked); empty when it can be used.</summary>
    public IEnumerable<string> Problems(string where, int length, bool nonNegative = false)
    {
        if (!(Scale > 0 && Scale <= ThemeModelLoader.MaxWeight))
        {
            yield return $"{where}: scale must be above 0 and at most {ThemeModelLoader.MaxWeight}";
        }
        else if (DecodeSteps() is not { } steps || steps.Length != length)
        {
            yield return $"{where}: steps must be Base64 of {length} 16-bit numbers";
        }
        else if (steps.Max(step => Math.Abs((int)step)) * Scale > ThemeModelLoader.MaxWeight)
        {
            yield return $"{where}: no value may be beyond {ThemeModelLoader.MaxWeight}";
        }
        else if (nonNegative && steps.Any(step => step < 0))
        {
            yield return $"{where}: no value may be negative";
        }
    }
}
