using MailOps.Worker.Tests.Support;

namespace MailOps.Worker.Tests.Cli;

public sealed class ObligationsCommandTests
{
    [Fact]
    public async Task Obligations_Json_GivesDueInstantsWithTheirOffset()
    {
        var run = await Support.Cli.RunAsync("obligations", "--from", "2026-10-01", "--to", "2026-10-31", "--unit", "callcenter", "--json");

        run.ExitCode.Should().Be(0, run.Error);
        var rows = run.Json.EnumerateArray().ToList();
        rows.Should().OnlyContain(r => r.GetProperty("unit").GetString() == "callcenter");
        var weekly = rows.Single(r => r.GetProperty("report").GetString() == "callcenter-weekly" && r.GetProperty("period").GetString() == "2026-W40");
        weekly.GetProperty("due").GetString().Should().Be("2026-10-08T17:00:00+08:00", "Monday the 5th is National Day");
        rows.Count(r => r.GetProperty("report").GetString() == "callcenter-daily").Should().Be(31);
    }

    [Fact]
    public async Task Obligations_AnUnknownUnit_IsAUsageErrorListingTheKnownUnits()
    {
        var run = await Support.Cli.RunAsync("obligations", "--from", "2026-10-01", "--to", "2026-10-31", "--unit", "nowhere");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("no unit \"nowhere\"").And.Contain("cq-crm");
    }

    [Fact]
    public async Task Obligations_WithoutTheRequiredDates_IsAUsageError()
    {
        var run = await Support.Cli.RunAsync("obligations", "--json");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--from");
    }
}
