using MailOps.Compliance.Common;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Notices;
using static MailOps.Compliance.Tests.Support.Dates;

namespace MailOps.Compliance.Tests.Notices;

/// <summary>How a nudge timing is written in configuration, and the instant each form names before a deadline.</summary>
public sealed class NudgeTimingTests
{
    private static readonly RegimeZone Zone = RegimeZone.Shanghai;
    private static readonly TimeOnly WorkdayStart = new(9, 0);

    // A weekly report due Monday 2026-11-23 17:00, sendable from the Monday's start.
    private static readonly Obligation Weekly = new("warranty-weekly", "wy-cq-warranty", Period.Week(D("2026-11-16")), T("2026-11-23 17:00"), T("2026-11-23 00:00"));

    private static DateTimeOffset? InstantOf(NudgeTiming timing, Obligation obligation) => timing.InstantFor(obligation, Zone, WorkdayStart);

    public static TheoryData<string, string, string?> AcceptedForms => new()
    {
        // text as configured, the timing's canonical text, its nudge for the weekly report due Monday 17:00
        { "80%", "80%", "2026-11-23 15:24" },
        { "0%", "0%", "2026-11-23 09:00" },
        { "100%", "100%", "2026-11-23 17:00" },
        { "50.5%", "50.5%", "2026-11-23 13:02:24" },
        { "-02:00", "-02:00", "2026-11-23 15:00" },
        { "-2:30", "-02:30", "2026-11-23 14:30" },
        { "10:00", "10:00", "2026-11-23 10:00" },
        { "9:30", "09:30", "2026-11-23 09:30" },
        { "opens", "opens", "2026-11-23 00:00" },
        { "off", "off", null },
        { "OFF", "off", null },
        { "Opens", "opens", "2026-11-23 00:00" },
        { "  80%  ", "80%", "2026-11-23 15:24" },
        { "\t-02:00\n", "-02:00", "2026-11-23 15:00" },
        { " 10:00 ", "10:00", "2026-11-23 10:00" },
    };

    [Theory]
    [MemberData(nameof(AcceptedForms))]
    public void TryParse_AcceptedForm_ReadsAndNamesTheNudge(string text, string canonical, string? nudge)
    {
        var ok = NudgeTiming.TryParse(text, out var timing, out var error);

        ok.Should().BeTrue(text);
        error.Should().BeEmpty();
        timing.Text.Should().Be(canonical);
        timing.ToString().Should().Be(canonical);
        timing.Enabled.Should().Be(nudge is not null);
        InstantOf(timing, Weekly).Should().Be(nudge is null ? null : T(nudge));
    }

    [Fact]
    public void TryParse_ALeadOfADayOrMore_IsThatLongBeforeTheDeadline()
    {
        NudgeTiming.TryParse("-1.00:00", out var timing, out var error).Should().BeTrue();

        error.Should().BeEmpty();
        InstantOf(timing, Weekly).Should().Be(T("2026-11-22 17:00"));
    }

    [Fact]
    public void TryParse_ALeadOfADayOrMore_KeepsItsDaysInItsText()
    {
        NudgeTiming.TryParse("-1.00:00", out var timing, out _).Should().BeTrue();

        timing.Text.Should().Be("-1.00:00");
        NudgeTiming.TryParse(timing.Text, out var again, out _).Should().BeTrue("a timing's text reads back as the same timing");
        InstantOf(again, Weekly).Should().Be(InstantOf(timing, Weekly));
    }

    [Theory]
    [InlineData("80%")]
    [InlineData("0%")]
    [InlineData("-02:00")]
    [InlineData("9:30")]
    [InlineData("opens")]
    [InlineData("off")]
    public void Text_OfAParsedTiming_ParsesBackToTheSameNudge(string text)
    {
        NudgeTiming.TryParse(text, out var timing, out _).Should().BeTrue();

        NudgeTiming.TryParse(timing.Text, out var again, out _).Should().BeTrue();
        InstantOf(again, Weekly).Should().Be(InstantOf(timing, Weekly));
    }

    public static TheoryData<string?, string> RefusedForms => new()
    {
        // text as configured, the error it earns (naming the trimmed value)
        { "120%", "\"120%\" is not a percentage from 0% to 100%" },
        { "-5%", "\"-5%\" is not a percentage from 0% to 100%" },
        { "abc%", "\"abc%\" is not a percentage from 0% to 100%" },
        { " 120% ", "\"120%\" is not a percentage from 0% to 100%" },
        { "-0:00", "\"-0:00\" is not a lead time before the deadline such as -02:00 or -1.00:00" },
        { "-00:00", "\"-00:00\" is not a lead time before the deadline such as -02:00 or -1.00:00" },
        { "-2h", "\"-2h\" is not a lead time before the deadline such as -02:00 or -1.00:00" },
        { "25:00", "\"25:00\" is not a nudge timing: write a share of the window (80%), a lead before the deadline (-02:00), a time on the due date (10:00), opens, or off" },
        { "soon", "\"soon\" is not a nudge timing: write a share of the window (80%), a lead before the deadline (-02:00), a time on the due date (10:00), opens, or off" },
        { "", "\"\" is not a nudge timing: write a share of the window (80%), a lead before the deadline (-02:00), a time on the due date (10:00), opens, or off" },
        { "   ", "\"\" is not a nudge timing: write a share of the window (80%), a lead before the deadline (-02:00), a time on the due date (10:00), opens, or off" },
        { null, "\"\" is not a nudge timing: write a share of the window (80%), a lead before the deadline (-02:00), a time on the due date (10:00), opens, or off" },
    };

    [Theory]
    [MemberData(nameof(RefusedForms))]
    public void TryParse_RefusedForm_SaysWhatIsWrongWithIt(string? text, string expected)
    {
        var ok = NudgeTiming.TryParse(text, out _, out var error);

        ok.Should().BeFalse();
        error.Should().Be(expected);
    }

    public static TheoryData<string, NudgeTiming, Obligation, string> Windows => new()
    {
        {
            "a daily report due 21:00 and open since midnight: 80% of 09:00-21:00",
            NudgeTiming.Fraction(0.8),
            new("callcenter-daily", "callcenter", Period.Day(D("2026-11-23")), T("2026-11-23 21:00"), T("2026-11-23 00:00")),
            "2026-11-23 18:36"
        },
        {
            "a window opening the day before still starts at 09:00 on the due date",
            NudgeTiming.Fraction(0.5),
            new("customer-event-flash", "wx-crm", new("e", D("2026-11-14"), D("2026-11-14")), T("2026-11-15 17:00"), T("2026-11-14 17:00")),
            "2026-11-15 13:00"
        },
        {
            "a window opening after 09:00 on the due date is taken whole",
            NudgeTiming.Fraction(0.8),
            new("r", "u1", Period.Day(D("2026-11-23")), T("2026-11-23 21:00"), T("2026-11-23 11:00")),
            "2026-11-23 19:00"
        },
        {
            "a deadline before 09:00 keeps the window from its opening",
            NudgeTiming.Fraction(0.8),
            new("major-complaint", "cd-crm", new("e", D("2026-11-25"), D("2026-11-25")), T("2026-11-26 07:10"), T("2026-11-25 19:10")),
            "2026-11-26 04:46"
        },
        {
            "a lead is counted back from the deadline across midnight",
            NudgeTiming.BeforeDue(TimeSpan.FromHours(10)),
            new("callcenter-daily", "callcenter", Period.Day(D("2026-11-23")), T("2026-11-23 08:00"), T("2026-11-23 00:00")),
            "2026-11-22 22:00"
        },
        {
            "a time of day is on the due date, not the opening date",
            NudgeTiming.OnDueDateAt(new(10, 0)),
            new("warranty-weekly", "wy-cq-warranty", Period.Week(D("2026-09-28")), T("2026-10-08 17:00"), T("2026-10-05 00:00")),
            "2026-10-08 10:00"
        },
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public void InstantFor_EachTiming_NamesItsPlaceInTheWindow(string edge, NudgeTiming timing, Obligation obligation, string nudge)
    {
        InstantOf(timing, obligation).Should().Be(T(nudge), edge);
    }

    [Fact]
    public void InstantFor_Off_IsNever()
    {
        NudgeTiming.Off.Enabled.Should().BeFalse();
        InstantOf(NudgeTiming.Off, Weekly).Should().BeNull();
    }
}
