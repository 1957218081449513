namespace Grastorp.Intake.TestKit;

internal static partial class AzuriteAccounts
{
    private const int First = 131;
    private const int Last = 150;
}
