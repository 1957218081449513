using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Grastorp.Intake.Functions.Staff;

/// <summary>What the staff functions need beyond <c>AddIntakeCore</c> and <c>AddIntakePages</c>; every host of the function classes calls it.</summary>
public static class StaffFunctionRegistration
{
    public static IServiceCollection AddStaffFunctions(this IServiceCollection services)
    {
        services.TryAddSingleton<StaffEntry>();
        return services;
    }
}
