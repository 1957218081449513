using Grastorp.Intake.Core.Texts;

namespace Grastorp.Intake.Core.Tests.Texts;

public class StaffMessagesTests
{
    [Fact]
    public void Every_staff_message_exists_in_both_languages()
    {
        var keys = typeof(StaffMessages).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            var swedish = StaffMessages.Get(key, Language.Swedish, 10);
            var english = StaffMessages.Get(key, Language.English, 10);
            Assert.False(string.IsNullOrWhiteSpace(swedish), key);
            Assert.False(string.IsNullOrWhiteSpace(english), key);
        }

        Assert.Equal("Synpunkter", StaffMessages.KindPlural("feedback", Language.Swedish));
        Assert.Equal("All kinds", StaffMessages.KindPlural(null, Language.English));
    }
}
