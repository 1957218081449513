using Grastorp.Intake.Classification;
using Grastorp.Intake.Core.DependencyInjection;
using Grastorp.Intake.DevHost;
using Grastorp.Intake.DevHost.Discovery;
using Grastorp.Intake.DevHost.SignIn;
using Grastorp.Intake.Functions.Staff;
using Grastorp.Intake.Web;

// Inside StartupFailure.Run: a setting to fix is one line naming it, and exit code 2.
return StartupFailure.Run(() =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Configuration.AddHostJson();
    DevSiteAddress.FollowListeningAddress(builder.Configuration);
    builder.AddDevSignIn();
    LoopbackGuard.Check(builder.Configuration);
    builder.Services.AddIntakeCore(builder.Configuration).AddThemeClassifier(builder.Configuration).AddIntakePages().AddStaffFunctions();
    builder.AddFunctionHost().AddRouteTemplateRequestLog().ReportStartupFailuresOnce();

    var app = builder.Build();
    app.UseDevSignIn();
    app.UseRouting();
    app.UseRouteTemplateRequestLog();
    app.MapHttpFunctions(FunctionCatalog.All);
    app.Run();
});
