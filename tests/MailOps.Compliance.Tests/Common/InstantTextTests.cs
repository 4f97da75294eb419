using MailOps.Compliance.Common;
using static MailOps.Compliance.Tests.Support.Dates;

namespace MailOps.Compliance.Tests.Common;

/// <summary>Instants read to the minute, and to the second where the second decides.</summary>
public sealed class InstantTextTests
{
    private static readonly RegimeZone Zone = RegimeZone.Shanghai;

    [Theory]
    [InlineData("2026-11-24 21:00", "2026-11-24 21:00:01", "2026-11-24 21:00:00", "2026-11-24 21:00:01", "one second late: the minute alone reads on time")]
    [InlineData("2026-11-24 21:00", "2026-11-24 21:00:59", "2026-11-24 21:00:00", "2026-11-24 21:00:59", "late within the deadline's minute")]
    [InlineData("2026-11-24 21:00", "2026-11-24 21:00:00", "2026-11-24 21:00:00", "2026-11-24 21:00:00", "on the second: the same minute, so both to the second")]
    [InlineData("2026-11-24 21:00", "2026-11-24 21:00:00.900", "2026-11-24 21:00:00", "2026-11-24 21:00:00", "within the second, which lateness ignores")]
    [InlineData("2026-11-24 21:00", "2026-11-24 21:01", "2026-11-24 21:00", "2026-11-24 21:01", "another minute decides alone")]
    [InlineData("2026-11-24 21:00", "2026-11-24 21:01:30", "2026-11-24 21:00", "2026-11-24 21:01", "another minute: its seconds do not matter")]
    [InlineData("2026-11-24 21:00", "2026-11-24 20:59:59", "2026-11-24 21:00", "2026-11-24 20:59", "a second early is another minute")]
    [InlineData("2026-11-24 23:59:59", "2026-11-24 23:59:30", "2026-11-24 23:59:59", "2026-11-24 23:59:30", "end of day and a report in its last minute")]
    [InlineData("2026-11-24 21:00", "2026-11-25 21:00:30", "2026-11-24 21:00", "2026-11-25 21:00", "the same time of day on another date")]
    [InlineData("2027-01-10 00:00", "2027-01-10 00:00:05", "2027-01-10 00:00:00", "2027-01-10 00:00:05", "five seconds after the books closed")]
    public void Compared_ShowsSecondsOnlyWhereTheMinuteWouldNotDecide(string first, string second, string firstText, string secondText, string edge)
    {
        InstantText.Compared(Zone, T(first), T(second)).Should().Be((firstText, secondText), edge);
    }

    [Fact]
    public void Compared_ReadsInstantsOfAnotherOffsetInTheRegimesZone()
    {
        var received = new DateTimeOffset(2026, 11, 24, 13, 0, 1, TimeSpan.Zero); // 21:00:01 in Shanghai

        InstantText.Compared(Zone, T("2026-11-24 21:00"), received).Should().Be(("2026-11-24 21:00:00", "2026-11-24 21:00:01"));
    }

    [Fact]
    public void Of_ReadsOneInstantToTheMinute()
    {
        InstantText.Of(Zone, T("2026-11-24 21:00:42")).Should().Be("2026-11-24 21:00");
    }
}
