namespace Grastorp.Intake.TestKit;

internal static partial class AzuriteAccounts
{
    private const int First = 201;
    private const int Last = 230;
}
