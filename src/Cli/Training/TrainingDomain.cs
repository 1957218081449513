namespace Grastorp.Intake.Cli.Training;

/// <summary>Where a training text comes from: it decides the text's weight and which figure it is scored in.</summary>
internal enum TrainingDomain
{
    /// <summary>A police event summary (the tune part of the police file, or a whole file with no kept-aside text).</summary>
    Police,

    /// <summary>A tip written as residents write (the resident tune file).</summary>
    Resident,

    /// <summary>A resident's tip whose themes staff corrected (the <c>export-corrections</c> file).</summary>
    Correction,
}
