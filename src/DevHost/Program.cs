using Grastorp.Intake.Core.DependencyInjection;
using Grastorp.Intake.DevHost;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddHostJson();
builder.Services.AddIntakeCore(builder.Configuration);
builder.AddFunctionHost();

var app = builder.Build();
app.MapFunctionRoutes();
app.Run();
