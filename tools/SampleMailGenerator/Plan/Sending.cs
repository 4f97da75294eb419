using MailOps.Compliance;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Evaluation;
using MailOps.SampleMailGenerator.Month;

namespace MailOps.SampleMailGenerator.Plan;

/// <summary>
/// When each report arrives: on time with room to spare, at the hour such a report is written (a daily report in
/// the evening, a weekly one on Monday morning, minutes the afternoon of the meeting); or exactly the planned number
/// of working days late, checked against the regime's own <see cref="Lateness"/>.
/// </summary>
internal sealed class Sending(Regime regime, Random random)
{
    private readonly Lateness _lateness = new(regime.Calendar, regime.Zone);

    public DateTimeOffset OnTime(Obligation obligation)
    {
        var zone = regime.Zone;
        var dueDay = zone.DateOf(obligation.Due);
        var received = obligation.ReportId switch
        {
            "callcenter-daily" or "site-open-daily" or "delivery-daily" => At(dueDay, 18, 40, 120),
            "callcenter-weekly" or "warranty-weekly" => At(dueDay, 8, 50, 300),
            "callcenter-monthly" or "warranty-monthly" or "crm-monthly" => At(regime.Calendar.OnOrBefore(dueDay), 9, 0, 240),
            _ when obligation.Due - obligation.Opens <= TimeSpan.FromDays(2) => SoonAfter(obligation.Opens),
            // Two days ahead, but sent within the month even when due just after it.
            _ => At(Latest(Earliest(regime.Calendar.OnOrBefore(dueDay.AddDays(-2)), SampleMonth.To), zone.DateOf(obligation.Opens)), 10, 0, 360),
        };

        return Checked(obligation, received, 0);
    }

    /// <summary>In the morning of the <paramref name="workingDays"/>-th working day after the due date.</summary>
    public DateTimeOffset Late(Obligation obligation, int workingDays)
    {
        var day = regime.Calendar.AddWorkingDays(regime.Zone.DateOf(obligation.Due), workingDays);
        return Checked(obligation, At(day, 9, 5, 90), workingDays);
    }

    /// <summary>A couple of hours after the window opens, or the next morning when that falls at night.</summary>
    private DateTimeOffset SoonAfter(DateTimeOffset opens)
    {
        var at = regime.Zone.ToLocal(opens).AddMinutes(120 + random.Next(150));
        return at.Hour is >= 8 and < 21 ? at : At(regime.Zone.DateOf(at.AddHours(4)), 9, 0, 60);
    }

    private DateTimeOffset At(DateOnly day, int hour, int minute, int spreadMinutes) =>
        regime.Zone.At(day, new TimeOnly(hour, minute)).AddMinutes(random.Next(spreadMinutes)).AddSeconds(random.Next(60));

    private static DateOnly Latest(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Earliest(DateOnly a, DateOnly b) => a < b ? a : b;

    private DateTimeOffset Checked(Obligation obligation, DateTimeOffset received, int workingDaysLate)
    {
        var last = regime.Zone.At(SampleMonth.To, new TimeOnly(23, 59, 59));
        if (received < obligation.Opens || received > last || _lateness.WorkingDaysLate(obligation.Due, received) != workingDaysLate)
        {
            throw new InvalidOperationException(
                $"{obligation.Key}: {received:O} is not {workingDaysLate} working day(s) late within the month (opens {obligation.Opens:O}, due {obligation.Due:O})");
        }

        return received;
    }
}
