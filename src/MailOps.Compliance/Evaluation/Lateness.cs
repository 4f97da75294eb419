using MailOps.Compliance.Calendar;
using MailOps.Compliance.Common;

namespace MailOps.Compliance.Evaluation;

/// <summary>
/// Working days late, as scoring-and-calendar.md reads "每遲報一個工作日": a report due at D is k working days
/// late where k is the smallest k ≥ 1 such that it arrived no later than D's wall-clock time on the k-th
/// working day after D's date. Arriving at or before D is on time. Instants are compared to the whole second.
/// </summary>
public sealed class Lateness(WorkingCalendar calendar, RegimeZone zone)
{
    public int WorkingDaysLate(DateTimeOffset due, DateTimeOffset received)
    {
        var at = TruncateToSecond(received);
        if (at <= due)
        {
            return 0;
        }

        var local = zone.ToLocal(due);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var day = DateOnly.FromDateTime(local.DateTime);
        for (var k = 1; ; k++)
        {
            day = calendar.NextWorkingDay(day);
            if (at <= zone.At(day, time))
            {
                return k;
            }
        }
    }

    /// <summary>The last instant that is at most <paramref name="workingDays"/> working days late (the deadline itself for 0).</summary>
    public DateTimeOffset Bound(DateTimeOffset due, int workingDays)
    {
        var local = zone.ToLocal(due);
        var day = calendar.AddWorkingDays(DateOnly.FromDateTime(local.DateTime), workingDays);
        return workingDays == 0 ? due : zone.At(day, TimeOnly.FromDateTime(local.DateTime));
    }

    private static DateTimeOffset TruncateToSecond(DateTimeOffset instant) =>
        instant.AddTicks(-(instant.Ticks % TimeSpan.TicksPerSecond));
}
