using MailOps.Compliance.Common;
using MailOps.Compliance.Evaluation;
using MailOps.Compliance.Tests.Support;
using static MailOps.Compliance.Tests.Support.Dates;

namespace MailOps.Compliance.Tests.Evaluation;

/// <summary>"5 per working day late", at its edges.</summary>
public sealed class LatenessTests
{
    private static readonly Lateness Lateness = new(Shipped.Regime.Calendar, RegimeZone.Shanghai);

    [Theory]
    [InlineData("2026-11-23 17:00", "2026-11-23 16:59:59", 0, "a second early")]
    [InlineData("2026-11-23 17:00", "2026-11-23 17:00:00", 0, "on the second")]
    [InlineData("2026-11-23 17:00", "2026-11-23 17:00:00.900", 0, "within the second")]
    [InlineData("2026-11-23 17:00", "2026-11-23 17:00:01", 1, "one second after")]
    [InlineData("2026-11-23 17:00", "2026-11-23 17:30", 1, "half an hour after")]
    [InlineData("2026-11-23 17:00", "2026-11-24 16:59", 1, "next day just before the time")]
    [InlineData("2026-11-23 17:00", "2026-11-24 17:00", 1, "next day on the time")]
    [InlineData("2026-11-23 17:00", "2026-11-24 17:01", 2, "next day just after the time")]
    [InlineData("2026-11-20 17:00", "2026-11-23 17:00", 1, "Friday to Monday is one working day")]
    [InlineData("2026-11-20 17:00", "2026-11-22 10:00", 1, "arriving on the weekend")]
    [InlineData("2026-09-30 17:00", "2026-10-08 10:00", 1, "across the National Day week")]
    [InlineData("2026-09-30 17:00", "2026-10-08 17:01", 2, "the second working day after National Day")]
    [InlineData("2026-09-30 17:00", "2026-10-10 09:00", 3, "the make-up Saturday counts")]
    [InlineData("2026-11-21 21:00", "2026-11-22 10:00", 1, "due on a Saturday: Sunday is within the first working day's bound")]
    [InlineData("2026-11-21 21:00", "2026-11-23 21:00", 1, "due on a Saturday: Monday at the same time")]
    [InlineData("2026-11-21 21:00", "2026-11-23 21:00:01", 2, "due on a Saturday: past Monday's bound")]
    public void WorkingDaysLate_AtItsEdges(string due, string received, int expected, string edge)
    {
        Lateness.WorkingDaysLate(T(due), T(received)).Should().Be(expected, edge);
    }

    [Fact]
    public void WorkingDaysLate_ReceivedInAnotherOffset_ComparesInstants()
    {
        var received = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero); // 17:00 in Shanghai

        Lateness.WorkingDaysLate(T("2026-11-23 17:00"), received).Should().Be(0);
    }

    [Theory]
    [InlineData(0, "2026-09-30 17:00")]
    [InlineData(1, "2026-10-08 17:00")]
    [InlineData(2, "2026-10-09 17:00")]
    public void Bound_IsTheLastInstantThatManyWorkingDaysLate(int days, string bound)
    {
        Lateness.Bound(T("2026-09-30 17:00"), days).Should().Be(T(bound));
    }
}
