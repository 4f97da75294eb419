using MailOps.Worker.Tests.Support;

namespace MailOps.Worker.Tests.Cli;

public sealed class CatalogCommandTests
{
    [Fact]
    public async Task Catalog_Json_WritesEveryReportWithItsContractFields()
    {
        var run = await Support.Cli.RunAsync("catalog", "--json");

        run.ExitCode.Should().Be(0, run.Error);
        var reports = run.Json.EnumerateArray().ToList();
        reports.Should().HaveCount(29);
        var daily = reports.Single(r => r.GetProperty("id").GetString() == "callcenter-daily");
        daily.GetProperty("name").GetString().Should().Be("呼叫中心信息日报");
        daily.GetProperty("category").GetString().Should().Be("routine");
        daily.GetProperty("channel").GetString().Should().Be("email");
        daily.GetProperty("to").EnumerateArray().Select(e => e.GetString()).Should().Equal("group.cs", "property.butler-center");
        daily.GetProperty("cc").GetArrayLength().Should().Be(0);
        daily.GetProperty("excludeWords").EnumerateArray().Select(e => e.GetString()).Should().Contain("通知", "a notice that shares the report's words is not the report");
    }

    [Fact]
    public async Task Catalog_WithoutJson_PrintsATableForPeople()
    {
        var run = await Support.Cli.RunAsync("catalog");

        run.ExitCode.Should().Be(0);
        run.Out.Should().Contain("callcenter-daily").And.Contain("呼叫中心信息日报").And.Contain("sms (not watched)");
    }
}
