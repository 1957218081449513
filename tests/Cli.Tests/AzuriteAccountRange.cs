namespace Grastorp.Intake.TestKit;

internal static partial class AzuriteAccounts
{
    private const int First = 231;
    private const int Last = 240;
}
