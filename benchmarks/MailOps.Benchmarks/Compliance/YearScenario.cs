using System.Text.Json.Nodes;
using MailOps.Benchmarks;
using MailOps.Compliance;
using MailOps.Compliance.Calendar;
using MailOps.Compliance.Common;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Evaluation;

namespace MailOps.Benchmarks.Compliance;

/// <summary>
/// The scenario: the shipped catalog and calendar, a generated organisation with its project events, and
/// the submissions the mail of those years would have produced for every obligation (see the Scenario* types),
/// from 2026 on for one year or more. Everything is drawn from one fixed seed, so every run measures the same years;
/// 100 units over one year is the scenario of the first benchmark, draw for draw. <see cref="Sources"/> keeps the
/// texts the regime was loaded from, so that a worker can be pointed at the same organisation and events as files.
/// </summary>
internal sealed record YearScenario(Regime Regime, RegimeSources Sources, IReadOnlyList<Submission> Submissions, IReadOnlyList<string> AssessedUnits, IReadOnlyList<Period> ScoredPeriods, DateOnly First, DateOnly Last)
{
    public const int FirstYear = 2026;

    private const int Seed = 20261124;

    /// <summary>After every quarter's books have closed (the 10th of the next quarter), so each result is final.</summary>
    public DateTimeOffset AsOf => RegimeZone.Shanghai.At(new DateOnly(Last.Year + 1, 1, 15), new TimeOnly(9, 0));

    public static YearScenario Build(int units, int years)
    {
        var range = Enumerable.Range(FirstYear, years).ToList();
        SourceText[] calendarFiles = [.. range.Select(CalendarFile)];
        var calendar = Loaded(CalendarLoader.Load(calendarFiles));
        var random = new Random(Seed);
        var events = ScenarioEvents.Json(calendar, range, random, ScenarioOrganisation.Split(units).City);
        var sources = new RegimeSources(
            RepositoryFiles.Read("regime/catalog.json"),
            new SourceText("scenario organisation", ScenarioOrganisation.Json(units)),
            calendarFiles,
            new SourceText("scenario events", events));
        var regime = Loaded(RegimeLoader.Load(sources, RegimeZone.Shanghai));

        var (first, last) = (new DateOnly(FirstYear, 1, 1), new DateOnly(range[^1], 12, 31));
        var obligations = new ObligationGenerator(regime).Generate(first, last);
        var submissions = new ScenarioSubmissions(regime, random).For(obligations);
        var months = range.SelectMany(year => Enumerable.Range(1, 12).Select(month => Period.Month(year, month)));
        var quarters = range.SelectMany(year => Enumerable.Range(1, 4).Select(quarter => Period.Quarter(year, quarter)));
        return new YearScenario(regime, sources, submissions, [.. regime.Directory.AssessedUnits.Select(u => u.Id)], [.. months.Concat(quarters)], first, last);
    }

    // The shipped file of a year, or else the first year's holidays on the same dates of that year (make-up days kept
    // where they still fall on a weekend): the official arrangement of later years is not published yet.
    private static SourceText CalendarFile(int year)
    {
        var shipped = RepositoryFiles.PathOf($"regime/calendar/{year}.json");
        if (File.Exists(shipped))
        {
            return RepositoryFiles.Read($"regime/calendar/{year}.json");
        }

        var template = JsonNode.Parse(RepositoryFiles.Read($"regime/calendar/{FirstYear}.json").Text, documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
        var holidays = ShiftedCalendar.Holidays(template, FirstYear, year);
        return new SourceText($"scenario calendar {year}", new JsonObject { ["year"] = year, ["holidays"] = holidays }.ToJsonString());
    }

    // The loaders check every reference, role and address, and the cross-check that every owed report's roles resolve.
    private static T Loaded<T>(LoadResult<T> result)
        where T : class =>
        result.Value ?? throw new InvalidOperationException("The scenario does not load:" + Environment.NewLine + string.Join(Environment.NewLine, result.Errors));
}
