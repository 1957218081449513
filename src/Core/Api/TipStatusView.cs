using System.Text.Json.Serialization;
using Grastorp.Intake.Core.Tips.Status;

namespace Grastorp.Intake.Core.Api;

/// <summary>What <c>GET /api/tips/{reference}</c> tells a resident: how far the tip has come, and its week. Nothing else.</summary>
public sealed record TipStatusView(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("week")] string Week)
{
    public static TipStatusView From(TipStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new(status.Status, status.Week.ToString());
    }
}
