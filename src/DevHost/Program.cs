using Grastorp.Intake.Classification;
using Grastorp.Intake.Core.DependencyInjection;
using Grastorp.Intake.DevHost;
using Grastorp.Intake.DevHost.Discovery;
using Grastorp.Intake.DevHost.SignIn;
using Grastorp.Intake.Functions.Staff;
using Grastorp.Intake.Web;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddHostJson();
builder.AddDevSignIn();
LoopbackGuard.Check(builder.Configuration);
builder.Services.AddIntakeCore(builder.Configuration).AddThemeClassifier(builder.Configuration).AddIntakeWeb().AddStaffFunctions();
builder.AddFunctionHost().AddRouteTemplateRequestLog();

var app = builder.Build();
app.UseDevSignIn();
app.UseRouting();
app.UseRouteTemplateRequestLog();
app.MapHttpFunctions(FunctionCatalog.All);
app.Run();
