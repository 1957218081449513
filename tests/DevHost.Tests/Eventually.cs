namespace Grastorp.Intake.DevHost.Tests;

/// <summary>Polls until a condition holds, for what the queue trigger does in the background. Always bounded.</summary>
internal static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? within = null)
    {
        var limit = within ?? TimeSpan.FromSeconds(45);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value) || clock.Elapsed > limit)
            {
                return value;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
