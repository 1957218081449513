using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Digest.Delivery;
using Grastorp.Intake.Core.Digest.Message;
using Grastorp.Intake.Core.Digest.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Grastorp.Intake.Core.Tests.Digest.Scheduling;

public sealed class DigestOperatorTests : IDisposable
{
    private static readonly WeekId Week48 = new(2026, 48);
    private readonly RecordingSender _sender = new();
    private readonly ServiceProvider _services;

    public DigestOperatorTests() => _services = IntakeTestServices.Create(
        new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 7, 15, 0, TimeSpan.Zero)), configure: s => s.AddSingleton<IDigestSender>(_sender));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private DigestOperator Operator => _services.GetRequiredService<DigestOperator>();

    [Fact]
    public async Task A_resend_goes_out_with_an_operation_id_of_its_own_and_is_numbered()
    {
        await _services.GetRequiredService<DigestService>().RunAsync(Token);
        var list = Assert.Single(Operator.Lists("kommunpolis"));

        var first = await Operator.ResendAsync(Week48, list, Token);
        var second = await Operator.ResendAsync(Week48, list, Token);

        Assert.Equal(DigestOutcome.Resent, first.Outcome);
        Assert.Equal(DigestOutcome.Resent, second.Outcome);
        Assert.Equal(["digest-2026-W48-kommunpolis", "digest-2026-W48-kommunpolis-resend-1", "digest-2026-W48-kommunpolis-resend-2"], _sender.Names);
        Assert.Equal(
            [DigestOperationId.For(Week48, "kommunpolis"), DigestOperationId.For(Week48, "kommunpolis", 1), DigestOperationId.For(Week48, "kommunpolis", 2)],
            _sender.Sent.Select(m => m.OperationId));
    }

    [Fact]
    public async Task A_week_never_sent_is_not_resent()
    {
        var run = await Operator.ResendAsync(Week48, Operator.Lists(null)[0], Token);

        Assert.Equal(DigestOutcome.NeverSent, run.Outcome);
        Assert.Empty(_sender.Sent);
    }

    [Fact]
    public async Task A_preview_claims_and_sends_nothing()
    {
        var message = await Operator.PreviewAsync(Week48, Operator.Lists(null)[0], Token);

        Assert.StartsWith("Trygghetstips v. 48", message.Subject, StringComparison.Ordinal);
        Assert.Empty(_sender.Sent);
        var runs = await _services.GetRequiredService<DigestService>().RunAsync(Token);
        Assert.Equal(DigestOutcome.Sent, Assert.Single(runs).Outcome);
    }

    [Fact]
    public void An_unknown_list_id_names_no_list()
    {
        Assert.Empty(Operator.Lists("lerum"));
    }

    public void Dispose() => _services.Dispose();
}
