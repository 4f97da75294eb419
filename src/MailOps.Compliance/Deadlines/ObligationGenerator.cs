using MailOps.Compliance.Catalog;
using MailOps.Compliance.Organisation;

namespace MailOps.Compliance.Deadlines;

/// <summary>Lists the obligations that fall due in a range of dates.</summary>
public sealed class ObligationGenerator
{
    // A due date can move forward across the longest holiday plus a weekend (or back as far): look this far beyond the range.
    private const int ShiftMargin = 16;

    private readonly Regime _regime;
    private readonly ScheduleContext _context;

    public ObligationGenerator(Regime regime)
    {
        _regime = regime;
        _context = new ScheduleContext(regime.Calendar, regime.Zone, regime.Events);
    }

    /// <summary>
    /// The obligations whose due instant falls on a local date from <paramref name="from"/> to
    /// <paramref name="to"/>, both inclusive, ordered by due instant, unit, report and period.
    /// </summary>
    public IReadOnlyList<Obligation> Generate(DateOnly from, DateOnly to, string? unitId = null)
    {
        var units = unitId is null ? _regime.Directory.Units : _regime.Directory.Units.Where(u => u.Id == unitId);
        var obligations = new List<Obligation>();
        foreach (var unit in units)
        {
            foreach (var report in _regime.Catalog.Reports.Where(r => Regime.Owes(unit, r)))
            {
                obligations.AddRange(Occurrences(unit, report, from, to));
            }
        }

        obligations.Sort(static (a, b) =>
        {
            var byDue = a.Due.CompareTo(b.Due);
            if (byDue != 0)
            {
                return byDue;
            }

            var byUnit = string.CompareOrdinal(a.UnitId, b.UnitId);
            if (byUnit != 0)
            {
                return byUnit;
            }

            var byReport = string.CompareOrdinal(a.ReportId, b.ReportId);
            return byReport != 0 ? byReport : a.Period.Start.CompareTo(b.Period.Start);
        });
        return obligations;
    }

    /// <summary>
    /// When a report falls due whose event was learnt only after the rule's due instant: at the same time of day on
    /// the working day after the day it was learnt. A late declaration gives the unit a working day, and costs it
    /// nothing for the time before anyone knew (docs/regime.md, "Events learnt late").
    /// </summary>
    public DateTimeOffset LateLearntDue(DateTimeOffset learnt, DateTimeOffset ruleDue)
    {
        var zone = _regime.Zone;
        var day = _regime.Calendar.AddWorkingDays(zone.DateOf(learnt), 1);
        return zone.At(day, zone.TimeOf(ruleDue));
    }

    /// <summary>
    /// One report's obligations for one unit in the range, whether or not the unit owes
    /// it as MailOps watches it (parsing places an SMS report's copy in its period too).
    /// </summary>
    public IEnumerable<Obligation> Occurrences(Unit unit, ReportDefinition report, DateOnly from, DateOnly to)
    {
        var zone = _regime.Zone;
        foreach (var occurrence in report.Deadline.Occurrences(_context, unit.Id, from.AddDays(-ShiftMargin), to.AddDays(ShiftMargin)))
        {
            var nominal = zone.ToLocal(occurrence.NominalDue);
            var nominalDate = DateOnly.FromDateTime(nominal.DateTime);
            var dueDate = report.NonWorkingDay.Apply(_regime.Calendar, nominalDate);
            var due = dueDate == nominalDate ? occurrence.NominalDue : zone.At(dueDate, TimeOnly.FromDateTime(nominal.DateTime));
            DateTimeOffset? learntLate = null;
            if (occurrence.EventId is { } eventId && _context.EventOf(eventId)?.LearntAt is { } learnt && learnt > due)
            {
                learntLate = learnt;
                due = LateLearntDue(learnt, due);
                dueDate = zone.DateOf(due);
            }

            if (dueDate >= from && dueDate <= to)
            {
                yield return new Obligation(report.Id, unit.Id, occurrence.Period, due, occurrence.Opens, occurrence.EventId, learntLate);
            }
        }
    }
}
