using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Digest.Scheduling;

namespace Grastorp.Intake.Core.Tests.Digest.Scheduling;

public class DigestCatchUpTests
{
    private static readonly WeekId Due = new(2026, 49);

    private static HashSet<WeekId> Sent(params int[] weeks) => [.. weeks.Select(w => new WeekId(2026, w))];

    private static int[] Weeks(IReadOnlyList<WeekId> weeks) => [.. weeks.Select(w => w.Week)];

    [Fact]
    public void With_last_week_sent_only_the_due_week_goes_out()
    {
        Assert.Equal([49], Weeks(DigestCatchUp.WeeksToSend(Due, 4, Sent(45, 46, 47, 48))));
    }

    [Fact]
    public void Weeks_missed_after_the_last_sent_one_go_out_oldest_first_before_the_due_week()
    {
        Assert.Equal([47, 48, 49], Weeks(DigestCatchUp.WeeksToSend(Due, 4, Sent(45, 46))));
    }

    [Fact]
    public void A_gap_between_sent_weeks_is_filled_too()
    {
        Assert.Equal([46, 48, 49], Weeks(DigestCatchUp.WeeksToSend(Due, 4, Sent(45, 47))));
    }

    [Fact]
    public void Without_any_sent_week_in_the_window_only_the_due_week_goes_out()
    {
        Assert.Equal([49], Weeks(DigestCatchUp.WeeksToSend(Due, 4, Sent())));
        Assert.Equal([49], Weeks(DigestCatchUp.WeeksToSend(Due, 4, Sent(44))));
    }

    [Fact]
    public void The_window_is_the_configured_number_of_weeks_and_crosses_the_new_year()
    {
        Assert.Equal(new WeekId(2026, 45), DigestCatchUp.FirstOfWindow(Due, 4));
        Assert.Equal(new WeekId(2026, 52), DigestCatchUp.FirstOfWindow(new WeekId(2027, 2), 3));
        Assert.Equal([new WeekId(2026, 53), new WeekId(2027, 1), new WeekId(2027, 2)],
            DigestCatchUp.WeeksToSend(new WeekId(2027, 2), 3, new HashSet<WeekId> { new(2026, 52) }));
    }

    [Fact]
    public void No_catch_up_sends_only_the_due_week()
    {
        Assert.Equal([49], Weeks(DigestCatchUp.WeeksToSend(Due, 0, Sent(47))));
    }
}
