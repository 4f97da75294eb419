using MailOps.Compliance.Catalog;
using MailOps.Compliance.Common;
using MailOps.Compliance.Deadlines;

namespace MailOps.Compliance.Tests.Catalog;

public sealed class CatalogLoaderTests
{
    private const string Valid = """
        "id": "r1", "name": "日报", "category": "routine", "owner": "callcenter", "submitter": "callcenter.duty",
        "channel": "email", "to": ["group.cs"], "keywords": [["日报"]]
        """;

    private static LoadResult<ReportCatalog> Load(string entry) =>
        CatalogLoader.Load(new SourceText("regime/catalog.json", $$"""{ "reports": [ { {{entry}} } ] }"""));

    [Fact]
    public void Load_AValidEntry_ReadsItsRule()
    {
        var result = Load(Valid + """, "deadline": { "kind": "event", "event": "site-open", "anchor": "start", "offset": "-10d" }""");

        result.Errors.Should().BeEmpty();
        result.Value!["r1"].Deadline.Should().Be(new EventRule("site-open", EventAnchor.Start, new EventOffset(-10, OffsetUnit.Days), RegimeZone.EndOfDay));
        result.Value["r1"].Monitored.Should().BeTrue();
    }

    [Theory]
    [InlineData(""", "deadline": { "kind": "hourly" }""", "reports[0] (r1).deadline.kind", "\"hourly\" is not a deadline kind")]
    [InlineData(""", "deadline": { "kind": "daily", "time": "25:00" }""", "reports[0] (r1).deadline.time", "\"25:00\" is not a time")]
    [InlineData(""", "deadline": { "kind": "event", "event": "party", "anchor": "start", "offset": "1d" }""", "reports[0] (r1).deadline.event", "\"party\" is not an event kind")]
    [InlineData(""", "deadline": { "kind": "event", "event": "site-open", "anchor": "start", "offset": "ten days" }""", "reports[0] (r1).deadline.offset", "is not an offset")]
    [InlineData(""", "deadline": { "kind": "monthly-day", "day": 32 }""", "reports[0] (r1).deadline.day", "between 1 and 31")]
    [InlineData(""", "deadline": { "kind": "quarterly" }""", "reports[0] (r1).deadline.day", "a value is required")]
    [InlineData(""", "deadline": { "kind": "weekly", "weekday": "mon" }""", "reports[0] (r1).deadline.weekday", "\"mon\" is not one of")]
    [InlineData(""", "deadline": { "kind": "daily" }, "cc": ["hq.cs"]""", "reports[0] (r1).cc", "\"hq.cs\" is not a role key")]
    [InlineData(""", "deadline": { "kind": "daily" }, "nonWorkingDay": "skip" """, "reports[0] (r1).nonWorkingDay", "\"skip\" is not one of")]
    [InlineData(""", "deadline": { "kind": "daily" }, "patterns": ["(日报"]""", "reports[0] (r1).patterns", "not a valid regular expression")]
    [InlineData(""", "deadline": { "kind": "daily" }, "content": { "workbook": [ { "sheet": "S", "cell": "3B" } ] }""", "reports[0] (r1).content.workbook", "an A1 reference")]
    [InlineData("""  """, "reports[0] (r1).deadline", "a deadline is required")]
    public void Load_ABadEntry_NamesTheEntryFieldAndFault(string extra, string location, string message)
    {
        var result = Load(Valid + extra);

        result.Succeeded.Should().BeFalse();
        result.Errors.Should().ContainSingle().Which.Should().Match<ConfigurationError>(e =>
            e.Source == "regime/catalog.json" && e.Location == location && e.Message.Contains(message));
    }

    [Fact]
    public void Load_ExcludeWords_AreTheReportsAndNoneWhenOmitted()
    {
        var second = Valid.Replace("\"r1\"", "\"r2\"", StringComparison.Ordinal);

        var result = CatalogLoader.Load(new SourceText("c.json", $$"""
            { "reports": [
              { {{Valid}}, "deadline": { "kind": "daily" }, "excludeWords": ["通知", "模板"] },
              { {{second}}, "deadline": { "kind": "daily" } }
            ] }
            """));

        result.Errors.Should().BeEmpty();
        result.Value!["r1"].ExcludeWords.Should().Equal("通知", "模板");
        result.Value["r2"].ExcludeWords.Should().BeEmpty();
    }

    [Theory]
    [InlineData("\"name\": \"值班总结\", \"keywords\": [[\"值班总结\"]], \"excludeWords\": [\" \"]", "\" \" is empty: an excluded word needs at least one character")]
    [InlineData("\"name\": \"值班总结\", \"keywords\": [[\"值班总结\"]], \"excludeWords\": [null]", "\"\" is empty: an excluded word needs at least one character")]
    [InlineData("\"name\": \"值班通知汇总\", \"keywords\": [[\"值班\"]], \"excludeWords\": [\"通知\"]", "\"通知\" is in the report's own name \"值班通知汇总\"")]
    [InlineData("\"name\": \"长假值班总结\", \"keywords\": [[\"长假\", \"值班表\"]], \"excludeWords\": [\"安排\", \"值班表\"]", "\"值班表\" is part of the keyword \"值班表\"")]
    public void Load_AnExcludedWordThatCannotBe_NamesTheReportKeyAndValue(string words, string message)
    {
        var entry = $$"""
            "id": "holiday-duty-summary", {{words}}, "category": "special", "owner": "city-crm", "submitter": "city.crm.info-officer",
            "channel": "email", "to": ["group.cs"], "deadline": { "kind": "after-long-holiday" }
            """;

        var result = Load(entry);

        result.Errors.Should().ContainSingle().Which.Should().Match<ConfigurationError>(e =>
            e.Location == "reports[0] (holiday-duty-summary).excludeWords" && e.Message.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_TheSameIdTwice_IsAnError()
    {
        var entry = Valid + """, "deadline": { "kind": "daily" }""";

        var result = CatalogLoader.Load(new SourceText("c.json", $$"""{ "reports": [ { {{entry}} }, { {{entry}} } ] }"""));

        result.Errors.Should().ContainSingle().Which.Should().Match<ConfigurationError>(e => e.Location == "reports[1] (r1)" && e.Message.Contains("used by an earlier report"));
    }

    [Fact]
    public void Load_AMisspelledProperty_NamesItAndTheLine()
    {
        var result = CatalogLoader.Load(new SourceText("c.json", "{ \"reports\": [\n { \"idd\": \"x\" } ] }"));

        result.Errors.Should().ContainSingle().Which.Should().Match<ConfigurationError>(e => e.Message == "unknown property 'idd' (misspelt? see docs/regime.md)" && e.Location.StartsWith("line 2"));
    }

    [Fact]
    public void Load_SeveralFaults_ReportsEveryOne()
    {
        var result = Load("""
            "id": "Bad Id", "name": "", "category": "weekly", "owner": "hq", "submitter": "boss",
            "channel": "fax", "to": [], "keywords": [], "deadline": { "kind": "daily" }
            """);

        result.Errors.Select(e => e.Location).Should().BeEquivalentTo(
            "reports[0] (Bad Id).id", "reports[0] (Bad Id).name", "reports[0] (Bad Id).category", "reports[0] (Bad Id).owner",
            "reports[0] (Bad Id).channel", "reports[0] (Bad Id).submitter", "reports[0] (Bad Id).keywords", "reports[0] (Bad Id).to");
    }
}
