namespace Grastorp.Intake.TestKit;

internal static partial class AzuriteAccounts
{
    private const int First = 151;
    private const int Last = 200;
}
