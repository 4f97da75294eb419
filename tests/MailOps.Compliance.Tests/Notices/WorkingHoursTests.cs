using MailOps.Compliance.Common;
using MailOps.Compliance.Notices;
using static MailOps.Compliance.Tests.Support.Dates;

namespace MailOps.Compliance.Tests.Notices;

/// <summary>The hours in which a person is written to, 09:00 to 21:00 in Shanghai; one labelled row per edge.</summary>
public sealed class WorkingHoursTests
{
    private static readonly RegimeZone Zone = RegimeZone.Shanghai;
    private static readonly WorkingHours Hours = WorkingHours.Default;

    [Theory]
    [InlineData("the start itself", "2026-11-24 09:00", true)]
    [InlineData("a second before the start", "2026-11-24 08:59:59", false)]
    [InlineData("the end itself", "2026-11-24 21:00", true)]
    [InlineData("a second after the end", "2026-11-24 21:00:01", false)]
    [InlineData("at night", "2026-11-24 03:03", false)]
    public void Contains_IsTheStartToTheEndBothIncluded(string edge, string at, bool contained)
    {
        Hours.Contains(Zone, T(at)).Should().Be(contained, edge);
    }

    [Theory]
    [InlineData("inside: itself", "2026-11-24 12:00", "2026-11-24 12:00")]
    [InlineData("before the start: the start", "2026-11-24 03:03", "2026-11-24 09:00")]
    [InlineData("after the end: the next day's start", "2026-11-24 21:30", "2026-11-25 09:00")]
    [InlineData("just before midnight: the next day's start", "2026-11-24 23:59:59", "2026-11-25 09:00")]
    public void NextOpening_IsTheFirstWorkingInstantAtOrAfter(string edge, string at, string opening)
    {
        Hours.NextOpening(Zone, T(at)).Should().Be(T(opening), edge);
    }

    [Theory]
    [InlineData("before the start: today's", "2026-11-24 08:00", "2026-11-24 09:00")]
    [InlineData("at the start: tomorrow's", "2026-11-24 09:00", "2026-11-25 09:00")]
    [InlineData("in the day: tomorrow's", "2026-11-24 12:00", "2026-11-25 09:00")]
    public void NextStartAfter_IsStrictlyLater(string edge, string at, string start)
    {
        Hours.NextStartAfter(Zone, T(at)).Should().Be(T(start), edge);
    }

    public static TheoryData<string, string, string, string, string?> Placings => new()
    {
        // edge, planned, earliest, latest, placed (null: no working instant between earliest and latest)
        { "inside: where it fell", "2026-11-24 18:36", "2026-11-24 00:00", "2026-11-24 21:00", "2026-11-24 18:36" },
        { "at night, the deadline later: the morning", "2026-11-24 02:00", "2026-11-24 00:00", "2026-11-24 21:00", "2026-11-24 09:00" },
        { "in the evening, the deadline tomorrow: tomorrow morning", "2026-11-24 22:00", "2026-11-24 00:00", "2026-11-25 17:00", "2026-11-25 09:00" },
        { "in the evening, the deadline before the morning: the evening's last call", "2026-11-24 22:00", "2026-11-24 12:00", "2026-11-25 08:00", "2026-11-24 20:55" },
        { "at night, the deadline before the morning: the last call the evening before", "2026-11-25 03:00", "2026-11-24 12:00", "2026-11-25 08:00", "2026-11-24 20:55" },
        { "a window opening after the last call: none", "2026-11-25 03:00", "2026-11-24 20:58", "2026-11-25 08:00", null },
        { "a window wholly at night: none", "2026-11-25 03:00", "2026-11-24 22:00", "2026-11-25 08:00", null },
        { "no latest: the next opening", "2026-11-24 21:30", "2026-11-24 21:30", "9999-12-31 23:59", "2026-11-25 09:00" },
    };

    [Theory]
    [MemberData(nameof(Placings))]
    public void Place_KeepsAPlannedInstantInsideTheHoursAndNeverPastItsLatest(string edge, string planned, string earliest, string latest, string? placed)
    {
        Hours.Place(Zone, T(planned), T(earliest), T(latest)).Should().Be(placed is null ? null : T(placed), edge);
    }

    [Fact]
    public void New_AnEndNotAfterTheStart_IsRefused()
    {
        var build = () => new WorkingHours(new TimeOnly(21, 0), new TimeOnly(9, 0));

        build.Should().Throw<ArgumentException>().WithMessage("*end 09:00 is not after its start 21:00*");
    }
}
