using Grastorp.Intake.Core.DependencyInjection;
using Grastorp.Intake.Core.Themes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Grastorp.Intake.Classification.Tests;

public class ClassifierCacheTests
{
    [Fact]
    public async Task Start_up_validation_and_the_container_share_one_built_classifier()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddThemeClassifier(builder.Configuration);
        using var host = builder.Build();

        await host.StartAsync(TestContext.Current.CancellationToken);
        var first = host.Services.GetRequiredService<ITipClassifier>();
        var second = host.Services.GetRequiredService<ITipClassifier>();
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.Same(first, second);
        Assert.Equal(1, host.Services.GetRequiredService<ClassifierCache>().Builds);
    }
}
