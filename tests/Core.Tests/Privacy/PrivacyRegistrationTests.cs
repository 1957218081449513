using Grastorp.Intake.Core.DependencyInjection;
using Grastorp.Intake.Core.Emergency;
using Grastorp.Intake.Core.Privacy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Grastorp.Intake.Core.Tests.Privacy;

public class PrivacyRegistrationTests
{
    [Fact]
    public void Every_host_gets_one_detector_of_each_kind_from_AddIntakeCore()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddIntakeCore(configuration).BuildServiceProvider();

        var detector = services.GetRequiredService<PersonalDataDetector>();
        var cue = services.GetRequiredService<EmergencyCueDetector>();

        Assert.Same(detector, services.GetRequiredService<PersonalDataDetector>());
        Assert.Same(cue, services.GetRequiredService<EmergencyCueDetector>());
        Assert.Equal("ring [telefon]", detector.Mask("ring 070-123 45 67").Masked);
        Assert.True(cue.Detect("det brinner").IsEmergency);
    }
}
