using Grastorp.Intake.Classification;
using Grastorp.Intake.Core.DependencyInjection;
using Grastorp.Intake.Web;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddIntakeCore(builder.Configuration).AddThemeClassifier(builder.Configuration).AddIntakeWeb();
builder.Build().Run();
