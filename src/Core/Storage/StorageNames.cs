namespace Grastorp.Intake.Core.Storage;

/// <summary>
/// The queue names. They are constants because trigger attributes need them at compile time; tables are named in
/// <see cref="StorageOptions"/>.
/// </summary>
public static class StorageNames
{
    public const string TipsQueue = "tips";

    /// <summary>Where the Functions host (and the DevHost) moves a message after five failed dequeues.</summary>
    public const string TipsPoisonQueue = "tips-poison";

    /// <summary>The connection both hosts' triggers use: a connection string, or <c>AzureWebJobsStorage__accountName</c> and friends.</summary>
    public const string Connection = "AzureWebJobsStorage";
}
