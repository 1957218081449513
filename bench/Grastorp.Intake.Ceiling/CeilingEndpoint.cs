using System.Text.Json;
using Azure.Data.Tables;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Queue;
using Grastorp.Intake.Core.Tips.Receipts;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Ceiling;

/// <summary>
/// The least an intake can do: read a JSON tip, check its text and municipality, put it on the queue in the intake's
/// own message format (one storage operation), answer 202 with a reference. No receipt, no logging per request.
/// With <c>--receipt</c> it first has the intake's own <see cref="ReceiptStore"/> issue the reference (its group-committed
/// receipt: about 1 + 1/batch operations, as the real intake), which separates what the DevHost costs from what the
/// intake's storage work costs.
/// </summary>
internal static class CeilingEndpoint
{
    private static readonly HashSet<string> Municipalities = ["grastorp", "vara", "essunga"];

    private sealed record Submission(string? Text, string? Municipality, string? Place);

    public static int Run(string[] args)
    {
        var withReceipt = args.Contains("--receipt");
        var builder = WebApplication.CreateSlimBuilder([.. args.Where(a => a != "--receipt")]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var queue = Storage.Queue("tips");
        queue.CreateIfNotExists();
        var receipts = new ReceiptStore(
            new IntakeTables(new TableServiceClient(Storage.ConnectionString), Options.Create(new StorageOptions())), TimeProvider.System);
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        app.MapPost("/api/tips", async (HttpRequest request, CancellationToken cancellationToken) =>
        {
            Submission? tip;
            try
            {
                tip = await JsonSerializer.DeserializeAsync<Submission>(request.Body, web, cancellationToken);
            }
            catch (JsonException)
            {
                return Results.BadRequest();
            }

            if (tip?.Text is not { Length: >= 10 and <= 2000 } text || !Municipalities.Contains(tip.Municipality ?? "grastorp"))
            {
                return Results.BadRequest();
            }

            var receivedAt = TimeProvider.System.GetUtcNow();
            var reference = withReceipt
                ? (await receipts.IssueAsync(TipPartition.Of(tip.Municipality ?? "grastorp", receivedAt), receivedAt, cancellationToken)).Value
                : TipReference.New().Value;

            var message = new TipMessage
            {
                Version = TipMessage.CurrentVersion,
                Reference = reference,
                ReceivedAt = receivedAt,
                Municipality = tip.Municipality ?? "grastorp",
                Kind = TipKind.Tip,
                Text = text,
                Place = tip.Place,
            };
            await queue.SendMessageAsync(TipMessageCodec.Encode(message), null, TimeSpan.FromSeconds(-1), cancellationToken);
            return Results.Json(new { reference, status = "received", week = SwedishTime.WeekOf(receivedAt).ToString() }, statusCode: 202);
        });
        app.Run();
        return 0;
    }
}
