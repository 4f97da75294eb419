using System.Diagnostics;

namespace MailOps.Benchmarks.ConsolePages;

/// <summary>
/// The cold figures, which BenchmarkDotNet's cold start can only give one per process and setup: <c>dotnet run -c Release
/// -- first-requests [N]</c> sets up as <see cref="ConsolePageBenchmarks"/> does, then times with a stopwatch the very
/// first request of Today and of Scores in this process (and the first judging the console asks, before them), then N
/// more of each (default 20), printing every figure. With a folder (<c>first-requests 20 DIR</c>) it writes both pages'
/// HTML there, to compare what a change to a page shows.
/// </summary>
internal static class FirstRequests
{
    public static async Task RunAsync(int repeats, string? pages)
    {
        var benchmarks = new ConsolePageBenchmarks();
        benchmarks.Setup(judgeOnce: false);
        try
        {
            var judge = Time(() => Task.FromResult(benchmarks.Judge()));
            var today = Time(benchmarks.TodayPage);
            var scores = Time(benchmarks.ScoresPageOverHttp);
            Console.WriteLine($"first in process: judge {await judge.ConfigureAwait(false):0.0} ms, then Today {await today.ConfigureAwait(false):0.0} ms, then Scores {await scores.ConfigureAwait(false):0.0} ms");
            if (pages is not null)
            {
                Directory.CreateDirectory(pages);
                await File.WriteAllTextAsync(Path.Combine(pages, "today.html"), await benchmarks.PageAsync("/").ConfigureAwait(false)).ConfigureAwait(false);
                await File.WriteAllTextAsync(Path.Combine(pages, "scores.html"), await benchmarks.PageAsync("/scores").ConfigureAwait(false)).ConfigureAwait(false);
            }

            foreach (var (name, page) in new (string, Func<Task<int>>)[] { ("Judge", () => Task.FromResult(benchmarks.Judge())), ("Today", benchmarks.TodayPage), ("Scores", benchmarks.ScoresPageOverHttp), ("TodayMatrices", () => Task.FromResult(benchmarks.TodayMatrices())), ("ScoresModel", () => Task.FromResult(benchmarks.ScoresModel())) })
            {
                var times = new List<double>();
                for (var i = 0; i < repeats; i++)
                {
                    times.Add(await Time(page).ConfigureAwait(false));
                }

                times.Sort();
                Console.WriteLine($"{name}: {repeats} more: median {times[times.Count / 2]:0.0} ms, min {times[0]:0.0}, max {times[^1]:0.0} ({string.Join(" ", times.Select(t => t.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))})");
            }
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }

    private static async Task<double> Time(Func<Task<int>> action)
    {
        var watch = Stopwatch.StartNew();
        await action().ConfigureAwait(false);
        return watch.Elapsed.TotalMilliseconds;
    }
}
