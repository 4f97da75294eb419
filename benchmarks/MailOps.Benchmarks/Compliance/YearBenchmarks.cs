using BenchmarkDotNet.Attributes;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Evaluation;
using MailOps.Compliance.Scoring;

namespace MailOps.Benchmarks.Compliance;

/// <summary>
/// The issue's target: generating and evaluating a full year for 100 units with realistic submission
/// patterns, under 100 ms and under 100 MB allocated. Building the scenario is not timed.
/// </summary>
[MemoryDiagnoser]
public class YearBenchmarks
{
    private YearScenario _scenario = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = YearScenario.Build();
        var obligations = GenerateYear();
        var results = Evaluate(obligations);
        var statuses = results.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{ObligationStatuses.Name(g.Key)} {g.Count()}");
        Console.WriteLine(
            $"// Scenario: {_scenario.Regime.Directory.Units.Count} units, {_scenario.Regime.Events.Count} events, " +
            $"{obligations.Count} obligations, {_scenario.Submissions.Count} submissions; {string.Join(", ", statuses)}");
    }

    [Benchmark]
    public IReadOnlyList<Obligation> GenerateYear() =>
        new ObligationGenerator(_scenario.Regime).Generate(YearScenario.First, YearScenario.Last);

    /// <summary>The measurement the target is about: generate, evaluate, then score every month and quarter.</summary>
    [Benchmark]
    public int GenerateAndEvaluateYear()
    {
        var results = Evaluate(GenerateYear());
        var scorer = new ScoreCalculator(_scenario.Regime.Zone, ScoringPolicy.Default);
        var total = 0;
        foreach (var period in _scenario.ScoredPeriods)
        {
            total += scorer.ScoreAll(_scenario.AssessedUnits, period, results, []).Sum(card => card.Score);
        }

        return total;
    }

    private IReadOnlyList<ObligationResult> Evaluate(IReadOnlyList<Obligation> obligations) =>
        new ObligationEvaluator(_scenario.Regime.Calendar, _scenario.Regime.Zone, ScoringPolicy.Default)
            .EvaluateAll(obligations, _scenario.Submissions, [], YearScenario.AsOf);
}
