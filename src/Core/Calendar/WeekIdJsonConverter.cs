using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grastorp.Intake.Core.Calendar;

/// <summary>Writes a week as <c>"2026-W48"</c>, as it is written in URLs, keys and CSV.</summary>
public sealed class WeekIdJsonConverter : JsonConverter<WeekId>
{
    public override WeekId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        WeekId.TryParse(reader.GetString(), null, out var week) ? week : throw new JsonException("Expected an ISO week such as 2026-W48.");

    public override void Write(Utf8JsonWriter writer, WeekId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
