using MailOps.Benchmarks;
using MailOps.Compliance;
using MailOps.Compliance.Calendar;
using MailOps.Compliance.Common;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Evaluation;

namespace MailOps.Benchmarks.Compliance;

/// <summary>
/// The scenario: the shipped catalog and 2026 calendar, 100 units with a year of project events, and
/// the submissions a year of mail would have produced for every obligation of 2026 (see the Scenario* types).
/// Everything is drawn from one fixed seed, so every run measures the same year.
/// </summary>
internal sealed record YearScenario(Regime Regime, IReadOnlyList<Submission> Submissions, IReadOnlyList<string> AssessedUnits, IReadOnlyList<Period> ScoredPeriods)
{
    public const int Year = 2026;

    private const int Seed = 20261124;

    /// <summary>The first day of the year; the range is inclusive at both ends.</summary>
    public static DateOnly First { get; } = new(Year, 1, 1);

    public static DateOnly Last { get; } = new(Year, 12, 31);

    /// <summary>After every quarter's books have closed (the 10th of the next quarter), so each result is final.</summary>
    public static DateTimeOffset AsOf { get; } = RegimeZone.Shanghai.At(new DateOnly(Year + 1, 1, 15), new TimeOnly(9, 0));

    public static YearScenario Build()
    {
        SourceText[] calendarFiles = [RepositoryFiles.Read($"regime/calendar/{Year}.json")];
        var calendar = Loaded(CalendarLoader.Load(calendarFiles));
        var random = new Random(Seed);
        var events = new ScenarioEvents(calendar, Year, random).Json(ScenarioOrganisation.CityUnits);
        var sources = new RegimeSources(
            RepositoryFiles.Read("regime/catalog.json"),
            new SourceText("scenario organisation", ScenarioOrganisation.Json()),
            calendarFiles,
            new SourceText("scenario events", events));
        var regime = Loaded(RegimeLoader.Load(sources, RegimeZone.Shanghai));

        var obligations = new ObligationGenerator(regime).Generate(First, Last);
        var submissions = new ScenarioSubmissions(regime, random).For(obligations);
        var months = Enumerable.Range(1, 12).Select(month => Period.Month(Year, month));
        var quarters = Enumerable.Range(1, 4).Select(quarter => Period.Quarter(Year, quarter));
        return new YearScenario(regime, submissions, [.. regime.Directory.AssessedUnits.Select(u => u.Id)], [.. months.Concat(quarters)]);
    }

    // The loaders check every reference, role and address, and the cross-check that every owed report's roles resolve.
    private static T Loaded<T>(LoadResult<T> result)
        where T : class =>
        result.Value ?? throw new InvalidOperationException("The scenario does not load:" + Environment.NewLine + string.Join(Environment.NewLine, result.Errors));
}
