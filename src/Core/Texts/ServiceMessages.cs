using System.Resources;

namespace Grastorp.Intake.Core.Texts;

/// <summary>
/// What a resident is told when the service, not their tip, is the problem (storage down, too many tips, a form from
/// another site), from ServiceMessages.resx (Swedish) and ServiceMessages.en.resx.
/// </summary>
public static class ServiceMessages
{
    public const string Unavailable = nameof(Unavailable);
    public const string TooManyTips = nameof(TooManyTips);
    public const string TooManyLookups = nameof(TooManyLookups);
    public const string CrossSite = nameof(CrossSite);
    public const string NotProcessed = nameof(NotProcessed);
    public const string ClientTooSlow = nameof(ClientTooSlow);
    public const string FieldRepeated = nameof(FieldRepeated);

    private static readonly ResourceManager Resources = new("Grastorp.Intake.Core.Texts.ServiceMessages", typeof(ServiceMessages).Assembly);

    public static string Get(string key, Language language) =>
        Resources.GetString(key, language.Culture()) ?? throw new ArgumentOutOfRangeException(nameof(key), key, "No such message.");
}
