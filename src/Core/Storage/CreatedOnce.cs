namespace Grastorp.Intake.Core.Storage;

/// <summary>
/// Runs a create-if-not-exists call once per process and hands out the client afterwards. A failed attempt is
/// forgotten, so the next caller tries again instead of inheriting the failure forever.
/// </summary>
internal sealed class CreatedOnce<TClient>(TClient client, Func<TClient, Task> create)
{
    private readonly Lock _gate = new();
    private Task? _creation;

    public async Task<TClient> GetAsync()
    {
        Task creation;
        lock (_gate)
        {
            creation = _creation ??= create(client);
        }

        try
        {
            await creation.ConfigureAwait(false);
        }
        catch
        {
            lock (_gate)
            {
                if (ReferenceEquals(_creation, creation))
                {
                    _creation = null;
                }
            }

            throw;
        }

        return client;
    }
}
