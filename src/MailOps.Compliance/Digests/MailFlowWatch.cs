using MailOps.Compliance.Catalog;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Evaluation;

namespace MailOps.Compliance.Digests;

/// <summary>A report kind the mailbox has not seen for twice its period, though several units owe it: when it was last seen, if ever.</summary>
public sealed record UnseenReport(ReportDefinition Report, DateTimeOffset? LastSeen, TimeSpan Span);

/// <summary>
/// Tells a report kind that stopped arriving from one that is merely late: when no unit's report of a routine kind
/// owed by several units has reached the mailbox for twice its period (two days for a daily report, two weeks for a
/// weekly one, two months for a monthly one, two quarters for a quarterly one), the likelier cause is the mail flow
/// (a list the mailbox is not on, a transport rule that misses it, an Outlook rule that moves it out of the watched
/// folder), not every unit failing at once. Event and holiday reports fall due irregularly and are not watched so.
/// A kind is watched only once it has been owed for that long.
/// </summary>
public static class MailFlowWatch
{
    /// <summary>The kinds not seen at <paramref name="now"/>, in catalog order.</summary>
    public static IReadOnlyList<UnseenReport> Unseen(ReportCatalog catalog, IEnumerable<ObligationResult> results, DateTimeOffset now)
    {
        var byReport = results.Where(r => r.Obligation.Due <= now).GroupBy(r => r.Obligation.ReportId).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var unseen = new List<UnseenReport>();
        foreach (var report in catalog.Reports.Where(r => r.Monitored))
        {
            if (Period(report.Deadline) is not { } period || !byReport.TryGetValue(report.Id, out var owed))
            {
                continue;
            }

            var span = period * 2;
            var since = now - span;
            var units = owed.Select(r => r.Obligation.UnitId).Distinct(StringComparer.Ordinal).Count();
            var watchedLongEnough = owed.Min(r => r.Obligation.Due) <= since;
            var lastSeen = owed.Where(r => r.Counted is not null).Select(r => (DateTimeOffset?)r.Counted!.Received).Max();
            if (units >= 2 && watchedLongEnough && (lastSeen is null || lastSeen < since))
            {
                unseen.Add(new UnseenReport(report, lastSeen, span));
            }
        }

        return unseen;
    }

    // How often a routine report falls due; null for reports that fall due around events or holidays.
    private static TimeSpan? Period(DeadlineRule rule) => rule switch
    {
        DailyRule => TimeSpan.FromDays(1),
        WeeklyRule => TimeSpan.FromDays(7),
        MonthlyLastDayRule or MonthlyDayRule => TimeSpan.FromDays(31),
        QuarterlyRule => TimeSpan.FromDays(92),
        _ => null,
    };
}
