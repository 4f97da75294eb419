using MailOps.Worker.Tests.Support;

namespace MailOps.Worker.Tests.Cli;

public sealed class CalendarCommandTests
{
    [Fact]
    public async Task Calendar_Json_SaysWhichDaysAreWorkingDays()
    {
        var run = await Support.Cli.RunAsync("calendar", "--from", "2026-09-30", "--to", "2026-10-10", "--json");

        run.ExitCode.Should().Be(0, run.Error);
        var days = run.Json.EnumerateArray().ToDictionary(d => d.GetProperty("date").GetString()!, d => d.GetProperty("working").GetBoolean());
        days.Should().HaveCount(11);
        days["2026-09-30"].Should().BeTrue();
        days["2026-10-01"].Should().BeFalse();
        days["2026-10-08"].Should().BeTrue();
        days["2026-10-10"].Should().BeTrue("a make-up Saturday");
    }

    [Fact]
    public async Task Calendar_AMalformedDate_IsAUsageErrorNamingTheOption()
    {
        var run = await Support.Cli.RunAsync("calendar", "--from", "2026-9-30", "--to", "2026-10-10");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--from: \"2026-9-30\" is not a date of the form YYYY-MM-DD");
        run.Out.Should().BeEmpty();
    }

    [Fact]
    public async Task Calendar_FromAfterTo_IsAUsageError()
    {
        var run = await Support.Cli.RunAsync("calendar", "--from", "2026-10-30", "--to", "2026-10-10");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--from 2026-10-30 is after --to 2026-10-10");
    }
}
