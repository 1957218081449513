using System.Text;
using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.Audit;
using Grastorp.Intake.Core.Staff.FollowUp;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Intake;
using Grastorp.Intake.Core.Tips.Processing;
using Grastorp.Intake.Core.Tips.Status;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;

namespace Grastorp.Intake.Core.Tests.Staff;

/// <summary>A tip's stages and public reply, against Azurite: forward only, audited, and shown to the resident by reference only.</summary>
public sealed class TipProgressTests : IDisposable
{
    private static readonly StaffPrincipal Polis = new("Kommunpolis Test", new HashSet<StaffRole> { StaffRole.Kommunpolis });

    private readonly ServiceProvider _services = IntakeTestServices.Create(IntakeTestServices.InWeek48());

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TipProgressService Progress => _services.GetRequiredService<TipProgressService>();

    private async Task<string> ClassifiedTipAsync(string text)
    {
        using var body = new MemoryStream(Encoding.UTF8.GetBytes($$"""{"text":"{{text}}","municipality":"grastorp"}"""));
        var accepted = Assert.IsType<SubmitOutcome.Accepted>(await _services.GetRequiredService<TipIntakeService>().SubmitAsync(new TipRequest("application/json", body.Length, body), Cancel));
        var queued = (await _services.GetRequiredService<QueueServiceClient>().GetQueueClient(StorageNames.TipsQueue).ReceiveMessageAsync(cancellationToken: Cancel)).Value;
        await _services.GetRequiredService<TipProcessor>().ProcessAsync(queued.MessageText, queued.MessageId, 1, Cancel);
        return accepted.Reference.Value;
    }

    private async Task<TipStatus> StatusAsync(string reference) => (await _services.GetRequiredService<TipStatusService>().FindAsync(reference, Cancel))!;

    [Fact]
    public async Task A_tip_moves_forward_through_its_stages_and_each_move_is_audited()
    {
        var reference = await ClassifiedTipAsync("Bilar kör för fort på Storgatan varje kväll.");
        Assert.Equal(TipStage.Classified, (await StatusAsync(reference)).Status);

        Assert.Equal(ProgressOutcome.Done, await Progress.MoveAsync(Polis, reference, TipStage.Read, Cancel));
        Assert.Equal(ProgressOutcome.Unchanged, await Progress.MoveAsync(Polis, reference, TipStage.Read, Cancel));
        Assert.Equal(ProgressOutcome.Done, await Progress.MoveAsync(Polis, reference, TipStage.Forwarded, Cancel));
        Assert.Equal(ProgressOutcome.Done, await Progress.MoveAsync(Polis, reference, TipStage.Closed, Cancel));

        Assert.Equal(TipStage.Closed, (await StatusAsync(reference)).Status);
        var audit = await _services.GetRequiredService<AuditLog>().ReadAsync(null, null, 50, Cancel);
        // The fake clock stands still, so the three entries share a time: compared as a set.
        Assert.Equal(["closed", "forwarded", "read"], audit.Entries.Where(e => e.Action == AuditAction.Moved && e.Reference == reference).Select(e => e.Detail).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(TipStage.Forwarded, TipStage.Read)]
    [InlineData(TipStage.Closed, TipStage.Forwarded)]
    [InlineData(TipStage.Read, TipStage.Classified)]
    [InlineData(TipStage.Read, TipStage.Received)]
    [InlineData(TipStage.Read, "archived")]
    public async Task A_move_against_the_order_is_refused_and_changes_nothing(string first, string then)
    {
        var reference = await ClassifiedTipAsync("Inbrott i förrådet på Storgatan i natt.");
        await Progress.MoveAsync(Polis, reference, first, Cancel);

        Assert.Equal(ProgressOutcome.InvalidMove, await Progress.MoveAsync(Polis, reference, then, Cancel));
        Assert.Equal(first, (await StatusAsync(reference)).Status);
    }

    [Fact]
    public async Task An_unknown_or_unclassified_tip_cannot_be_moved()
    {
        Assert.Equal(ProgressOutcome.NotFound, await Progress.MoveAsync(Polis, TipReference.New().Value, TipStage.Read, Cancel));
        Assert.Equal(ProgressOutcome.NotFound, await Progress.MoveAsync(Polis, "not a code", TipStage.Read, Cancel));
    }

    public void Dispose() => _services.Dispose();
}
