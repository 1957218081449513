using Grastorp.Intake.Web.Staff.FollowUp;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Grastorp.Intake.Web.Tests.Staff;

/// <summary>The actions form as posted: what Core checks, and what the page shows again.</summary>
public sealed class ActionFormTests
{
    private static FormCollection Form(params (string Field, string Value)[] values) =>
        new(values.ToDictionary(v => v.Field, v => new StringValues(v.Value), StringComparer.Ordinal));

    [Fact]
    public void The_input_takes_each_field_and_a_missing_one_as_absent()
    {
        var input = ActionForm.Input(Form(("commitment", "grastorp_2021.trafik"), ("summary", "Trafikkontroll på Storgatan"), ("countValue", "45")));

        Assert.Equal(new Core.Promises.Actions.ActionInput("grastorp_2021.trafik", null, "Trafikkontroll på Storgatan", null, "45"), input);
    }

    [Fact]
    public void Every_answer_is_kept_as_written_and_a_missing_one_as_empty_so_the_date_is_not_filled_in_again()
    {
        var kept = ActionForm.Kept(Form(("summary", "Trafikkontroll"), ("ignored", "x")));

        Assert.Equal(["commitment", "countLabel", "countValue", "date", "id", "summary"], kept.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(string.Empty, kept["date"]);
        Assert.Equal("Trafikkontroll", kept["summary"]);
    }
}
