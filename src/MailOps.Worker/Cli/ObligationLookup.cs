using MailOps.Compliance.Deadlines;

namespace MailOps.Worker.Cli;

/// <summary>
/// The report instance a person names on the command line (<c>report/unit/period</c>): one the regime owes whose
/// window has opened, since nothing can be judged on a report that cannot have been sent yet (a typo'd year is
/// the usual way to name one); otherwise the few real, opened ones the person likely meant.
/// </summary>
internal sealed class ObligationLookup(Compliance.Regime regime)
{
    private const int Few = 5;
    private const int PerKind = 3;

    private readonly ObligationGenerator _generator = new(regime);

    /// <summary>
    /// The opened obligation of that key, or, when the regime owes it but its window opens after
    /// <paramref name="now"/>, that obligation as <see cref="FoundObligation.NotYetOpen"/>.
    /// </summary>
    public FoundObligation Find(string? key, DateTimeOffset now)
    {
        var parts = key?.Split('/');
        if (parts is not { Length: 3 } || regime.Catalog.Find(parts[0]) is not { } report || regime.Directory.FindUnit(parts[1]) is not { } unit || !Compliance.Regime.Owes(unit, report))
        {
            return new FoundObligation(null, null);
        }

        var (from, to) = Range();
        var owed = _generator.Occurrences(unit, report, from, to).FirstOrDefault(o => o.Key == key);
        return owed is null ? new FoundObligation(null, null) : owed.Opens <= now ? new FoundObligation(owed, null) : new FoundObligation(null, owed);
    }

    /// <summary>
    /// Up to five keys of opened obligations near <paramref name="key"/>, best first: the same report and unit with
    /// the closest periods, then the same period with the closest report and unit ids; failing both, the closest keys.
    /// </summary>
    public IReadOnlyList<string> Nearest(string key, DateTimeOffset now)
    {
        var parts = key.Split('/');
        var (report, unit, period) = (parts[0], parts.Length > 1 ? parts[1] : "", parts.Length > 2 ? parts[2] : "");
        var (from, to) = Range();
        var opened = _generator.Generate(from, to).Where(o => o.Opens <= now).ToList();

        // Closeness in time: to the named period's days when it is a calendar period, otherwise to now.
        var named = Period.TryParse(period, out var p) ? p : null;
        var anchor = named?.Start ?? regime.Zone.DateOf(now);
        int Days(Obligation o) => Math.Abs(o.Period.Start.DayNumber - anchor.DayNumber);
        bool Overlaps(Obligation o) => named is not null && o.Period.Start <= named.End && o.Period.End >= named.Start;

        var samePeriods = opened
            .Where(o => o.ReportId == report && o.UnitId == unit)
            .OrderByDescending(Overlaps)
            .ThenBy(o => Hosting.EditDistance.Between(o.Period.Id, period))
            .ThenBy(Days)
            .Take(PerKind);
        var sameIds = opened
            .Where(o => o.Period.Id == period)
            .OrderBy(o => Hosting.EditDistance.Between(o.ReportId, report) + Hosting.EditDistance.Between(o.UnitId, unit))
            .Take(PerKind);
        var nearest = samePeriods.Concat(sameIds).Select(o => o.Key).Distinct(StringComparer.Ordinal).Take(Few).ToList();
        return nearest.Count > 0
            ? nearest
            : [.. opened.OrderBy(o => Hosting.EditDistance.Between(o.Key, key)).ThenBy(Days).Select(o => o.Key).Distinct(StringComparer.Ordinal).Take(PerKind)];
    }

    // The calendar's years and one either side: an obligation further off is no report instance anyone can mean.
    private (DateOnly From, DateOnly To) Range()
    {
        var years = regime.Calendar.Years;
        return (new DateOnly(years.Min() - 1, 1, 1), new DateOnly(years.Max() + 1, 12, 31));
    }
}

/// <param name="Obligation">The opened obligation named, or null.</param>
/// <param name="NotYetOpen">The obligation named when the regime owes it but its window has not opened yet.</param>
internal sealed record FoundObligation(Obligation? Obligation, Obligation? NotYetOpen);
