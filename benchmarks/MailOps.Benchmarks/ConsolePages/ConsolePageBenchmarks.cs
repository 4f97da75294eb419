using BenchmarkDotNet.Attributes;
using MailOps.Benchmarks.Compliance;
using MailOps.Compliance.Deadlines;
using MailOps.Worker.Assessment;
using MailOps.Worker.Web;

namespace MailOps.Benchmarks.ConsolePages;

/// <summary>
/// Issue 12's last item: the console's Today (<c>/</c>) and Scores (<c>/scores</c>) pages for a year of 100 units, over
/// HTTP as the running worker serves them, signed in with the one-time link; repeated requests on one host, as a
/// worker's console sees them. <see cref="Judge"/> is what each page's <c>ConsoleContext.Judge</c> costs, on the same
/// assessor the pages use; <see cref="TodayMatrices"/> and <see cref="ScoresModel"/> are the pages' models without
/// HTTP and Razor, the first over a snapshot judged in the setup, the second with its own judging (as the page does).
/// Setting up (the scenario, the store, the host and its first beat, signing in) is not timed.
/// </summary>
[MemoryDiagnoser]
public class ConsolePageBenchmarks
{
    private ScenarioWorker _worker = null!;
    private HttpClient _client = null!;
    private ConsoleContext _context = null!;
    private Snapshot? _snapshot;

    [GlobalSetup]
    public void Setup() => SetupAsync(judgeOnce: true).GetAwaiter().GetResult();

    /// <param name="judgeOnce">Judge in the setup, for <see cref="TodayMatrices"/> (and the scenario's line); false leaves the console's first judging to the caller.</param>
    internal void Setup(bool judgeOnce) => SetupAsync(judgeOnce).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _worker.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark]
    public int Judge() => _context.Judge().Results.Count;

    [Benchmark]
    public int TodayMatrices() => TodayMatrix.Of(_context, _snapshot ??= _context.Judge()).Count;

    [Benchmark]
    public int ScoresModel() => ScoresPage.Of(_context, Period.MonthOf(Today), Period.QuarterOf(Today)).MonthScores.Count;

    [Benchmark]
    public Task<int> TodayPage() => GetAsync("/");

    [Benchmark]
    public Task<int> ScoresPageOverHttp() => GetAsync("/scores");

    private DateOnly Today => _context.Regime.Zone.DateOf(ScenarioWorker.Now);

    /// <summary>A page's HTML as the signed-in client gets it.</summary>
    internal async Task<string> PageAsync(string path)
    {
        using var answer = await _client.GetAsync(new Uri(path, UriKind.Relative)).ConfigureAwait(false);
        return await answer.EnsureSuccessStatusCode().Content.ReadAsStringAsync().ConfigureAwait(false);
    }

    private async Task<int> GetAsync(string path) => (await PageAsync(path).ConfigureAwait(false)).Length;

    private async Task SetupAsync(bool judgeOnce)
    {
        var scenario = YearScenario.Build(100, 1);
        _worker = await ScenarioWorker.StartAsync(scenario).ConfigureAwait(false);
        _client = await _worker.SignedInAsync().ConfigureAwait(false);
        _context = _worker.Context;
        System.Console.WriteLine($"// Scenario: {scenario.Regime.Directory.Units.Count} units, {scenario.Submissions.Count} submissions in the year, {_worker.Stored} messages stored by {ScenarioWorker.Now:yyyy-MM-dd HH:mm zzz}");
        if (!judgeOnce)
        {
            return;
        }

        _snapshot = _context.Judge();
        var statuses = _snapshot.Results.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{MailOps.Compliance.Evaluation.ObligationStatuses.Name(g.Key)} {g.Count()}");
        var cells = TodayMatrix.Of(_context, _snapshot).Sum(m => m.Groups.Sum(g => g.Rows.Count * g.Columns.Count));
        System.Console.WriteLine(
            $"// Judged: {_context.Regime.Events.Count} events, {_snapshot.Results.Count} obligations " +
            $"({string.Join(", ", statuses)}); Today's matrices {cells} cells");
    }
}
