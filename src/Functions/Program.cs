using Grastorp.Intake.Classification;
using Grastorp.Intake.Core.DependencyInjection;
using Grastorp.Intake.Functions.Http;
using Grastorp.Intake.Web;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<FaultMiddleware>();
builder.Services.AddIntakeCore(builder.Configuration).AddThemeClassifier(builder.Configuration).AddIntakeWeb();
builder.Build().Run();
