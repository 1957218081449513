using System.Globalization;

namespace Grastorp.Intake.TestKit;

/// <summary>
/// Hands each caller (a test class instance, so each test) a storage account of its own on the Azurite that test.sh
/// starts (AZURITE_ACCOUNTS), so queues and tables are isolated without renaming them. Each test assembly owns a range of accounts, because the
/// assemblies run in parallel processes.
/// </summary>
internal static partial class AzuriteAccounts
{
    private static int _taken;

    public static string NewConnectionString()
    {
        var key = Environment.GetEnvironmentVariable("INTAKE_TEST_STORAGE_KEY")
            ?? throw new InvalidOperationException("No test Azurite: run the tests with ./test.sh, which starts one.");
        var number = First + Interlocked.Increment(ref _taken) - 1;
        if (number > Last)
        {
            throw new InvalidOperationException($"This test assembly has used all its Azurite accounts ({First}-{Last}); widen its range and test.sh's list.");
        }

        var account = string.Create(CultureInfo.InvariantCulture, $"test{number:D2}");
        return $"DefaultEndpointsProtocol=http;AccountName={account};AccountKey={key};" +
            $"BlobEndpoint=http://127.0.0.1:{Port("BLOB", 10000)}/{account};" +
            $"QueueEndpoint=http://127.0.0.1:{Port("QUEUE", 10001)}/{account};" +
            $"TableEndpoint=http://127.0.0.1:{Port("TABLE", 10002)}/{account};";
    }

    private static string Port(string service, int fallback) =>
        Environment.GetEnvironmentVariable($"AZURITE_{service}_PORT") ?? fallback.ToString(CultureInfo.InvariantCulture);
}
