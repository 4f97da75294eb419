using BenchmarkDotNet.Attributes;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Evaluation;
using MailOps.Compliance.Scoring;

namespace MailOps.Benchmarks.Compliance;

/// <summary>
/// The issue's targets: generating and evaluating a full year for 100 units with realistic submission patterns,
/// under 100 ms and under 100 MB allocated, and scoring that grows with the obligations, not faster: the same for
/// 100 units over three years and 1,000 units over three years. Building the scenario is not timed.
/// </summary>
[MemoryDiagnoser]
public class YearBenchmarks
{
    private YearScenario _scenario = null!;
    private IReadOnlyList<ObligationResult> _results = [];

    /// <summary>Units by years: <c>100x1</c> (the first target's scenario), <c>100x3</c>, <c>1000x3</c>.</summary>
    [Params("100x1", "100x3", "1000x3")]
    public string Scale { get; set; } = "100x1";

    [GlobalSetup]
    public void Setup()
    {
        var sizes = Scale.Split('x');
        _scenario = YearScenario.Build(int.Parse(sizes[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(sizes[1], System.Globalization.CultureInfo.InvariantCulture));
        var obligations = Generate();
        var results = Evaluate(obligations);
        _results = results;
        var statuses = results.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{ObligationStatuses.Name(g.Key)} {g.Count()}");
        if (Score(new ScoreCalculator(_scenario.Regime.Zone, ScoringPolicy.Default).Ledger(results, [])) != ScoreAsBefore(results))
        {
            throw new InvalidOperationException("The ledger's scores differ from the per-period scores.");
        }

        Console.WriteLine(
            $"// Scenario: {_scenario.Regime.Directory.Units.Count} units, {_scenario.Regime.Events.Count} events, " +
            $"{obligations.Count} obligations, {_scenario.Submissions.Count} submissions, {_scenario.ScoredPeriods.Count} periods scored; {string.Join(", ", statuses)}");
    }

    [Benchmark]
    public IReadOnlyList<Obligation> Generate() =>
        new ObligationGenerator(_scenario.Regime).Generate(_scenario.First, _scenario.Last);

    /// <summary>Generate and evaluate, without scoring: what the scoring is measured against.</summary>
    [Benchmark]
    public int GenerateAndEvaluate() => Evaluate(Generate()).Count;

    /// <summary>The measurement the targets are about: generate, evaluate, then score every month and quarter from one ledger.</summary>
    [Benchmark]
    public int GenerateEvaluateAndScore()
    {
        var results = Evaluate(Generate());
        return Score(new ScoreCalculator(_scenario.Regime.Zone, ScoringPolicy.Default).Ledger(results, []));
    }

    /// <summary>The same, scoring each period from the results as 97bda13 did (<see cref="ScoreCalculator.ScoreAll"/> per period).</summary>
    [Benchmark(Baseline = true)]
    public int GenerateEvaluateAndScoreAsBefore() => ScoreAsBefore(Evaluate(Generate()));

    /// <summary>Scoring alone, every month and quarter from one ledger, over results evaluated in the setup.</summary>
    [Benchmark]
    public int ScoreOnly() => Score(new ScoreCalculator(_scenario.Regime.Zone, ScoringPolicy.Default).Ledger(_results, []));

    /// <summary>Scoring alone as 97bda13 did, per period.</summary>
    [Benchmark]
    public int ScoreOnlyAsBefore() => ScoreAsBefore(_results);

    private int Score(ScoreLedger ledger) =>
        _scenario.ScoredPeriods.Sum(period => ledger.ScoreAll(_scenario.AssessedUnits, period).Sum(card => card.Score));

    private int ScoreAsBefore(IReadOnlyList<ObligationResult> results)
    {
        var scorer = new ScoreCalculator(_scenario.Regime.Zone, ScoringPolicy.Default);
        return _scenario.ScoredPeriods.Sum(period => scorer.ScoreAll(_scenario.AssessedUnits, period, results, []).Sum(card => card.Score));
    }

    private IReadOnlyList<ObligationResult> Evaluate(IReadOnlyList<Obligation> obligations) =>
        new ObligationEvaluator(_scenario.Regime.Calendar, _scenario.Regime.Zone, ScoringPolicy.Default)
            .EvaluateAll(obligations, _scenario.Submissions, [], _scenario.AsOf);
}
