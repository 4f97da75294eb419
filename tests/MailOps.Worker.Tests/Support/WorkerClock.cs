using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Support;

/// <summary>
/// Walks a hosted worker on a fake clock wake by wake: each time it logs when it next wakes, the clock is moved there,
/// until the next wake is past the end; then the host is stopped. Waits on the worker's log lines, never a delay.
/// </summary>
internal static class WorkerClock
{
    public static async Task WalkAsync(IHost host, FakeTimeProvider time, CapturedLogs logs, DateTimeOffset until)
    {
        await host.StartAsync();
        for (var wakes = 1; ; wakes++)
        {
            var planned = (await logs.WaitForCountAsync("Next wake ", wakes))[wakes - 1];
            var wake = DateTimeOffset.ParseExact(planned[(planned.IndexOf("Next wake ", StringComparison.Ordinal) + 10)..][..26], "yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
            if (wake > until)
            {
                break;
            }

            time.SetUtcNow(wake);
        }

        await host.StopAsync();
    }
}
