using Grastorp.Intake.Classification;
using Grastorp.Intake.Core.DependencyInjection;
using Grastorp.Intake.DevHost;
using Grastorp.Intake.DevHost.Discovery;
using Grastorp.Intake.Web;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddHostJson();
LoopbackGuard.Check(builder.Configuration);
builder.Services.AddIntakeCore(builder.Configuration).AddThemeClassifier(builder.Configuration).AddIntakeWeb();
builder.AddFunctionHost().AddRouteTemplateRequestLog();

var app = builder.Build();
app.UseRouting();
app.UseRouteTemplateRequestLog();
app.MapHttpFunctions(FunctionCatalog.All);
app.Run();
