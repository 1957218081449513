using Grastorp.Intake.Classification;
using Grastorp.Intake.Core.DependencyInjection;
using Grastorp.Intake.DevHost;
using Grastorp.Intake.DevHost.Discovery;
using Grastorp.Intake.DevHost.SignIn;
using Grastorp.Intake.Web;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddHostJson();
builder.AddDevSignIn();
builder.Services.AddIntakeCore(builder.Configuration).AddThemeClassifier(builder.Configuration).AddIntakeWeb();
builder.AddFunctionHost();

var app = builder.Build();
app.UseDevSignIn();
app.MapHttpFunctions(FunctionCatalog.All);
app.Run();
