using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Digest.Message;

namespace Grastorp.Intake.Core.Tests.Digest.Message;

public class DigestOperationIdTests
{
    private static readonly WeekId Week48 = new(2026, 48);

    [Fact]
    public void The_same_week_and_list_always_give_the_same_version_5_uuid()
    {
        var id = DigestOperationId.For(Week48, "kommunpolis");
        Assert.Equal(id, DigestOperationId.For(Week48, "kommunpolis"));
        Assert.Equal('5', id.ToString("D")[14]);
        Assert.Contains(id.ToString("D")[19], "89ab");
    }

    [Fact]
    public void Another_week_list_or_resend_gives_another_id()
    {
        var ids = new[]
        {
            DigestOperationId.For(Week48, "kommunpolis"),
            DigestOperationId.For(Week48.Previous(), "kommunpolis"),
            DigestOperationId.For(Week48, "vara_kommun"),
            DigestOperationId.For(Week48, "kommunpolis", resend: 1),
            DigestOperationId.For(Week48, "kommunpolis", resend: 2),
        };
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }
}
