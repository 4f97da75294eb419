using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Digests;
using MailOps.Compliance.Evaluation;
using MailOps.Compliance.Notices;
using MailOps.Compliance.Tests.Support;
using static MailOps.Compliance.Tests.Support.Dates;

namespace MailOps.Compliance.Tests.Digests;

/// <summary>When headquarters' mail falls due on the 2025-2026 calendar, with the digest at 08:30; one labelled row per edge.</summary>
public sealed class MailScheduleTests
{
    private static readonly TimeOnly DigestTime = new(8, 30);
    private static readonly MailSchedule Schedule = new(Shipped.Regime, ScoringPolicy.Default, DigestTime);

    private static MailSlot Slot(Period period, string day) => new(period, T($"{day} 08:30"));

    public static TheoryData<string, string, string> Digests => new()
    {
        // edge, now, the day whose 08:30 digest is the latest
        { "a working day after its slot", "2026-11-24 09:00", "2026-11-24" },
        { "a working day at its slot exactly", "2026-11-24 08:30", "2026-11-24" },
        { "a working day before its slot: the day before's", "2026-11-24 08:29:59", "2026-11-23" },
        { "a Monday before its slot: the Friday's", "2026-11-23 07:00", "2026-11-20" },
        { "a Saturday: the Friday's", "2026-11-21 12:00", "2026-11-20" },
        { "a Sunday evening: the Friday's", "2026-11-22 23:00", "2026-11-20" },
        { "inside National Day 2026: the last day before it", "2026-10-05 10:00", "2026-09-30" },
        { "the first day after National Day, before its slot", "2026-10-08 08:00", "2026-09-30" },
        { "the first day after National Day, after its slot", "2026-10-08 08:30", "2026-10-08" },
        { "the make-up Saturday after National Day", "2026-10-10 09:00", "2026-10-10" },
        { "the Sunday after the make-up Saturday", "2026-10-11 09:00", "2026-10-10" },
        { "the make-up Sunday before Mid-Autumn", "2026-09-20 09:00", "2026-09-20" },
        { "inside Spring Festival: its make-up Saturday", "2026-02-20 09:00", "2026-02-14" },
        { "New Year 2026: across the year", "2026-01-02 09:00", "2025-12-31" },
        { "New Year's make-up Sunday", "2026-01-04 09:00", "2026-01-04" },
        { "back after three weeks down: only today's", "2026-11-24 10:00", "2026-11-24" },
    };

    [Theory]
    [MemberData(nameof(Digests))]
    public void LatestDigest_IsTheLastWorkingDaysSlotAtOrBeforeNow(string edge, string now, string day)
    {
        Schedule.LatestDigest(T(now)).Should().Be(Slot(Period.Day(D(day)), day), edge);
    }

    // The digest at 08:30 while the working hours are 09:00 to 21:00: it goes at 09:00.
    public static TheoryData<string, string, string?> DueDigests => new()
    {
        // edge, now, the day whose digest is due then, at 09:00 (null: none)
        { "a working day at the working hours' start", "2026-11-24 09:00", "2026-11-24" },
        { "a working day in the afternoon (back from an outage)", "2026-11-24 15:00", "2026-11-24" },
        { "a working day at the working hours' end", "2026-11-24 21:00", "2026-11-24" },
        { "a working day after the working hours: none, not even today's", "2026-11-24 21:00:01", null },
        { "a working day at night (restarted): none, not yesterday's", "2026-11-24 03:03", null },
        { "a working day at its slot, before the working hours: not yet", "2026-11-24 08:30", null },
        { "a Saturday: none", "2026-11-21 12:00", null },
        { "inside National Day: none", "2026-10-05 10:00", null },
        { "the make-up Saturday after National Day", "2026-10-10 10:00", "2026-10-10" },
    };

    [Theory]
    [MemberData(nameof(DueDigests))]
    public void DigestDue_IsTodaysDigestOnlyAndOnlyInTheWorkingHours(string edge, string now, string? day)
    {
        var due = Schedule.DigestDue(T(now), WorkingHours.Default);

        if (day is null)
        {
            due.Should().BeNull(edge);
        }
        else
        {
            due.Should().Be(new MailSlot(Period.Day(D(day)), T($"{day} 09:00")), edge);
        }
    }

    [Theory]
    [InlineData("before today's slot: today's", "2026-11-24 07:00", "2026-11-24 09:00")]
    [InlineData("at today's slot: the next working day's", "2026-11-24 09:00", "2026-11-25 09:00")]
    [InlineData("a Friday evening: Monday's", "2026-11-20 18:00", "2026-11-23 09:00")]
    [InlineData("before National Day: the day after it", "2026-09-30 10:00", "2026-10-08 09:00")]
    public void NextSlotAfter_IsTheNextWorkingDaysDigestInTheWorkingHours(string edge, string now, string next)
    {
        Schedule.NextSlotAfter(T(now), WorkingHours.Default).Should().Be(T(next), edge);
    }

    public static TheoryData<string, string, string> PreviousDigests => new()
    {
        // edge, the digest's day, the day of the digest before it
        { "a Tuesday: the Monday", "2026-11-24", "2026-11-23" },
        { "a Monday: the Friday", "2026-11-23", "2026-11-20" },
        { "after National Day: the last day before it", "2026-10-08", "2026-09-30" },
        { "the Monday after a make-up Saturday: that Saturday", "2026-10-12", "2026-10-10" },
        { "after Spring Festival: its make-up Saturday", "2026-02-24", "2026-02-14" },
        { "across the year", "2026-01-04", "2025-12-31" },
    };

    [Theory]
    [MemberData(nameof(PreviousDigests))]
    public void PreviousDigest_IsTheSlotOfTheWorkingDayBefore(string edge, string day, string previous)
    {
        Schedule.PreviousDigest(Slot(Period.Day(D(day)), day)).Should().Be(T($"{previous} 08:30"), edge);
    }

    public static TheoryData<string, string, string> ResultsDays => new()
    {
        // edge, the month, its results slot
        { "the 10th on a weekday", "2026-11-01", "2026-11-10" },
        { "2026-01-10 is a Saturday: Monday the 12th", "2026-01-01", "2026-01-12" },
        { "2026-05-10 is a Sunday: Monday the 11th", "2026-05-01", "2026-05-11" },
        { "2025-05-10 is a Saturday: Monday the 12th", "2025-05-01", "2025-05-12" },
        { "2026-10-10 is a Saturday, but a make-up working day: it stands", "2026-10-01", "2026-10-10" },
    };

    [Theory]
    [MemberData(nameof(ResultsDays))]
    public void ResultsSlot_IsThe10thOrTheNextWorkingDay(string edge, string firstOfMonth, string day)
    {
        Schedule.ResultsSlot(D(firstOfMonth)).Should().Be(T($"{day} 08:30"), edge);
    }

    [Theory]
    [InlineData(5, "2026-10-01", "2026-10-08")]
    [InlineData(20, "2026-02-01", "2026-02-24")]
    [InlineData(31, "2026-02-01", "2026-02-28")]
    [InlineData(31, "2026-01-01", "2026-02-02")]
    public void ResultsSlot_ADifferentResultsDay_MovesPastHolidaysAndClampsToTheMonth(int resultsDay, string firstOfMonth, string day)
    {
        var schedule = new MailSchedule(Shipped.Regime, ScoringPolicy.Default with { ResultsDay = resultsDay }, DigestTime);

        schedule.ResultsSlot(D(firstOfMonth)).Should().Be(T($"{day} 08:30"));
    }

    public static TheoryData<string, string, string, string> Monthlies => new()
    {
        // edge, now, the month reported on, its slot's day
        { "before this month's results day: the month before last", "2026-11-10 08:29:59", "2026-09", "2026-10-10" },
        { "at this month's results slot: last month", "2026-11-10 08:30", "2026-10", "2026-11-10" },
        { "later in the month: last month", "2026-11-30 18:00", "2026-10", "2026-11-10" },
        { "on the 10th, a Saturday, before the moved day", "2026-01-10 10:00", "2025-11", "2025-12-10" },
        { "the moved results day, after its slot", "2026-01-12 09:00", "2025-12", "2026-01-12" },
        { "the make-up Saturday 2026-10-10 is the results day", "2026-10-10 08:30", "2026-09", "2026-10-10" },
        { "on the 10th, a Sunday, before the moved day", "2026-05-10 12:00", "2026-03", "2026-04-10" },
        { "back after a long outage: only the latest", "2026-12-31 12:00", "2026-11", "2026-12-10" },
    };

    [Theory]
    [MemberData(nameof(Monthlies))]
    public void LatestMonthly_IsTheLastResultsSlotAtOrBeforeNow_ForTheMonthBeforeIt(string edge, string now, string month, string day)
    {
        Period.TryParse(month, out var period).Should().BeTrue();

        Schedule.LatestMonthly(T(now)).Should().Be(Slot(period, day), edge);
    }

    public static TheoryData<string, string, string, string> Quarterlies => new()
    {
        // edge, now, the quarter assessed, its slot's day
        { "the first week of a quarter: the quarter before last", "2026-10-09 18:00", "2026-Q2", "2026-07-10" },
        { "the results day, the make-up Saturday 2026-10-10", "2026-10-10 08:30", "2026-Q3", "2026-10-10" },
        { "the rest of the quarter: the quarter before", "2026-12-31 23:59", "2026-Q3", "2026-10-10" },
        { "2026-01-10 is a Saturday: still the quarter before last", "2026-01-11 09:00", "2025-Q3", "2025-10-10" },
        { "the moved results day, Monday 2026-01-12", "2026-01-12 08:30", "2025-Q4", "2026-01-12" },
        { "back after a long outage: only the latest", "2026-03-31 12:00", "2025-Q4", "2026-01-12" },
    };

    [Theory]
    [MemberData(nameof(Quarterlies))]
    public void LatestQuarterly_IsTheLastResultsSlotAtOrBeforeNow_ForTheQuarterBeforeIt(string edge, string now, string quarter, string day)
    {
        Period.TryParse(quarter, out var period).Should().BeTrue();

        Schedule.LatestQuarterly(T(now)).Should().Be(Slot(period, day), edge);
    }

    [Fact]
    public void LatestMonthly_AResultsDayRolledIntoTheNextMonth_IsNeverAfterNow()
    {
        var schedule = new MailSchedule(Shipped.Regime, ScoringPolicy.Default with { ResultsDay = 31 }, DigestTime);

        schedule.LatestMonthly(T("2026-02-01 12:00")).Should().Be(Slot(Period.Month(2025, 11), "2025-12-31"));
    }
}
