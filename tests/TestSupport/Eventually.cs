namespace Inspection.TestSupport;

/// <summary>
/// Waits for a condition that an asynchronous system reaches by itself (a pull cycle, a push), and
/// fails with the last observation when it does not arrive in time.
/// </summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> observe, Func<T, bool> done, TimeSpan timeout, Func<T, string> describe)
    {
        using var cts = new CancellationTokenSource(timeout);
        var last = await observe();
        while (!done(last))
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Not reached within {timeout}: {describe(last)}");
            }

            last = await observe();
        }

        return last;
    }
}
