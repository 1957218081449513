namespace Grastorp.Intake.Classification;

/// <summary>One of the text layer's logistic regressions (<see cref="ThemeModelText"/>).</summary>
public sealed record ThemeModelTextColumn
{
    /// <summary>The theme, or <c>other</c>.</summary>
    public string Id { get; init; } = "";

    public double Bias { get; init; }

    /// <summary>Per bucket, words then n-grams.</summary>
    public ThemeModelVector Weights { get; init; } = new();
}
