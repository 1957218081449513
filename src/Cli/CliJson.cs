using System.Text.Encodings.Web;
using System.Text.Json;

namespace Grastorp.Intake.Cli;

internal static class CliJson
{
    /// <summary>One line per record, Swedish letters kept readable, camelCase.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };
}
