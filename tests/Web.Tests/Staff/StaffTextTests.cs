using System.Collections;
using System.Globalization;
using System.Resources;
using Grastorp.Intake.Core.Privacy;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.Audit;
using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Web.Staff;

namespace Grastorp.Intake.Web.Tests.Staff;

/// <summary>The staff pages' labels: every one in both languages, and a name for every role, kind and audit action.</summary>
public sealed class StaffTextTests
{
    private static HashSet<string> Keys(string culture)
    {
        var resources = new ResourceManager("Grastorp.Intake.Web.Staff.StaffText", typeof(StaffText).Assembly);
        var set = resources.GetResourceSet(culture.Length == 0 ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)!;
        return [.. set.Cast<DictionaryEntry>().Select(e => (string)e.Key)];
    }

    [Fact]
    public void Swedish_and_English_have_the_same_labels_and_none_is_empty()
    {
        var swedish = Keys(string.Empty);
        var english = Keys("en");
        Assert.True(swedish.Count > 50, $"only {swedish.Count} labels");
        Assert.Empty(swedish.Except(english));
        Assert.Empty(english.Except(swedish));
        foreach (var key in swedish)
        {
            Assert.False(string.IsNullOrWhiteSpace(StaffText.Get(key, Language.Swedish, 1, 2, 3, 4)), key);
            Assert.False(string.IsNullOrWhiteSpace(StaffText.Get(key, Language.English, 1, 2, 3, 4)), key);
        }
    }

    [Fact]
    public void Every_role_kind_action_and_kind_of_personal_data_has_a_name_in_both_languages()
    {
        foreach (var language in new[] { Language.Swedish, Language.English })
        {
            Assert.All(Enum.GetValues<StaffRole>(), role => Assert.StartsWith(role.ToString(), StaffText.RoleName(role, language), StringComparison.Ordinal));
            Assert.All(Enum.GetValues<AuditAction>(), action => Assert.NotEmpty(StaffText.ActionName(action, language)));
            Assert.All(PersonalDataKinds.All, kind => Assert.NotEmpty(StaffText.PersonalDataName(kind, language)));
        }

        Assert.Equal("Idé", StaffText.KindName("idea", Language.Swedish));
        Assert.Equal("Idea", StaffText.KindName("idea", Language.English));
        Assert.Equal("Corrected the themes", StaffText.ActionName(AuditAction.Corrected, Language.English));
    }

    [Fact]
    public void Numbers_are_grouped_as_each_language_writes_them()
    {
        Assert.Matches(@"^1\s234$", StaffText.Number(1234, Language.Swedish));
        Assert.Equal("1,234", StaffText.Number(1234, Language.English));
        Assert.Equal("+3 (+25 %)", StaffText.Change(15, 12, Language.English));
    }
}
