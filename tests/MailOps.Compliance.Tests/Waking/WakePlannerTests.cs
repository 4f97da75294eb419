using MailOps.Compliance.Digests;
using MailOps.Compliance.Evaluation;
using MailOps.Compliance.Notices;
using MailOps.Compliance.Tests.Support;
using MailOps.Compliance.Waking;
using static MailOps.Compliance.Tests.Support.Dates;

namespace MailOps.Compliance.Tests.Waking;

/// <summary>When the running worker next wakes under the shipped regime, the digest at 09:00 and working hours 09:00-21:00.</summary>
public sealed class WakePlannerTests
{
    private static WakePlanner Planner() =>
        new(Shipped.Regime, new MailSchedule(Shipped.Regime, ScoringPolicy.Default, new TimeOnly(9, 0)), WorkingHours.Default);

    private static readonly TimeSpan HalfAMinute = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan AnHour = TimeSpan.FromHours(1);

    public static TheoryData<string, string, string, TimeSpan, string, WakeReason> Wakes => new()
    {
        // edge, now, last beat, interval, the wake, why
        { "an evening with nothing near: the interval", "2026-11-24 20:00", "2026-11-24 20:00", HalfAMinute, "2026-11-24 20:00:30", WakeReason.Interval },
        { "a deadline before the tick: a second past it", "2026-11-24 20:59:45", "2026-11-24 20:59:45", HalfAMinute, "2026-11-24 21:00:01", WakeReason.Deadline },
        { "half a second past a deadline: still its wake", "2026-11-24 21:00:00.500", "2026-11-24 20:59:45", TimeSpan.FromSeconds(20), "2026-11-24 21:00:01", WakeReason.Deadline },
        { "the deadline's wake itself: the next tick", "2026-11-24 21:00:01", "2026-11-24 21:00:01", HalfAMinute, "2026-11-24 21:00:31", WakeReason.Interval },
        { "a working morning with a long interval: the digest", "2026-11-24 08:30", "2026-11-24 08:30", AnHour, "2026-11-24 09:00", WakeReason.HeadquartersMail },
        { "a Saturday morning with a long interval: the working hours' start", "2026-11-21 08:30", "2026-11-21 08:30", AnHour, "2026-11-21 09:00", WakeReason.WorkdayStart },
        { "an evening with a long interval: the last call", "2026-11-24 20:30", "2026-11-24 20:30", AnHour, "2026-11-24 20:55", WakeReason.LastCall },
        { "a beat longer than the interval: at once", "2026-11-24 20:10", "2026-11-24 20:00", HalfAMinute, "2026-11-24 20:10", WakeReason.Interval },
    };

    [Theory]
    [MemberData(nameof(Wakes))]
    public void Next_IsTheEarliestOfTickDeadlineMailSlotAndWorkdayStart(string edge, string now, string lastBeat, TimeSpan interval, string wake, WakeReason reason)
    {
        var next = Planner().Next(T(now), T(lastBeat), interval);

        next.Should().Be(next with { At = T(wake), Reason = reason }, edge);
    }

    [Fact]
    public void Next_AtADeadline_NamesTheObligationsFallingDueThen()
    {
        var next = Planner().Next(T("2026-11-24 20:59:45"), T("2026-11-24 20:59:45"), HalfAMinute);

        next.Deadlines.Should().NotBeEmpty().And.OnlyContain(o => o.Due == T("2026-11-24 21:00"));
        next.Deadlines.Select(o => o.Key).Should().Contain("callcenter-daily/callcenter/2026-11-24");
    }

    [Fact]
    public void NextDeadline_FarBeyondTheInterval_IsStillTheNextOne()
    {
        var deadline = Planner().NextDeadline(T("2026-11-24 11:38"));

        deadline.Should().NotBeNull();
        deadline!.Deadlines.Should().NotBeEmpty().And.OnlyContain(o => o.Due == deadline.At - WakePlanner.PastDeadline);
        deadline.At.Should().BeAfter(T("2026-11-24 11:38")).And.BeOnOrBefore(T("2026-11-24 21:00:01"));
    }

    [Fact]
    public void Next_OtherThanAtADeadline_NamesNoObligations()
    {
        Planner().Next(T("2026-11-24 20:00"), T("2026-11-24 20:00"), HalfAMinute).Deadlines.Should().BeEmpty();
    }

    [Fact]
    public void Next_AskedAcrossMidnight_FindsTheNewDaysDeadlines()
    {
        var planner = Planner();
        planner.Next(T("2026-11-24 20:00"), T("2026-11-24 20:00"), AnHour);

        var next = planner.Next(T("2026-11-25 20:56"), T("2026-11-25 20:56"), AnHour);

        next.Reason.Should().Be(WakeReason.Deadline);
        next.At.Should().Be(T("2026-11-25 21:00:01"));
    }
}
