using Grastorp.Intake.Classification;
using Grastorp.Intake.Core.DependencyInjection;
using Grastorp.Intake.Functions.Http;
using Grastorp.Intake.Functions.Staff;
using Grastorp.Intake.Web;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<FaultMiddleware>();
// The Azure SDK's request lines print table keys and selected properties, and a receipt's are its reference: never log them.
builder.Logging.AddFilter("Azure.Core", LogLevel.None);
builder.Services.AddIntakeCore(builder.Configuration).AddThemeClassifier(builder.Configuration).AddIntakePages().AddStaffFunctions();
builder.Build().Run();
