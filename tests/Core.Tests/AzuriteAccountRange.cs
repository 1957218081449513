namespace Grastorp.Intake.TestKit;

internal static partial class AzuriteAccounts
{
    private const int First = 1;
    private const int Last = 130;
}
