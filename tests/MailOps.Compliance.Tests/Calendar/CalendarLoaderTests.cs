using MailOps.Compliance.Calendar;
using MailOps.Compliance.Common;

namespace MailOps.Compliance.Tests.Calendar;

public sealed class CalendarLoaderTests
{
    private static LoadResult<WorkingCalendar> Load(params string[] texts) =>
        CalendarLoader.Load(texts.Select((t, i) => new SourceText($"calendar/{i}.json", t)));

    [Fact]
    public void Load_AWellFormedYear_GivesItsDaysOffAndMakeUpDays()
    {
        var result = Load("""{ "year": 2030, "holidays": [ { "key": "k", "name": "节", "from": "2030-10-01", "to": "2030-10-03", "makeUpWorkingDays": ["2030-09-29"] } ] }""");

        result.Errors.Should().BeEmpty();
        result.Value!.IsWorkingDay(new DateOnly(2030, 10, 2)).Should().BeFalse();
        result.Value.IsWorkingDay(new DateOnly(2030, 9, 29)).Should().BeTrue();
        result.Value.Years.Should().Equal(2030);
    }

    [Theory]
    [InlineData("""{ "year": 2030, "holidays": [ { "key": "k", "name": "节", "from": "2030-13-01", "to": "2030-10-03" } ] }""", "holidays[0] (k)", "from: \"2030-13-01\" is not a date")]
    [InlineData("""{ "year": 2030, "holidays": [ { "key": "k", "name": "节", "from": "2030-10-05", "to": "2030-10-03" } ] }""", "holidays[0] (k)", "is before from")]
    [InlineData("""{ "year": 2030, "holidays": [ { "key": "k", "name": "节", "from": "2030-10-01", "to": "2030-10-03", "makeUpWorkingDays": ["2030-10-07"] } ] }""", "holidays[0] (k)", "2030-10-07 is a Monday")]
    [InlineData("""{ "year": 2030, "holidays": [ { "name": "节", "from": "2030-10-01", "to": "2030-10-03" } ] }""", "holidays[0]", "a key")]
    [InlineData("""{ "holidays": [] }""", "year", "a year between")]
    [InlineData("""{ "year": 2030, "holidays": [ { "key": "k", "name": "节", "from": "2030-10-01", "to": "2030-10-30" } ] }""", "holidays[0] (k)", "30 days off in a row")]
    public void Load_ABadEntry_NamesTheFileTheEntryAndTheFault(string json, string location, string message)
    {
        var result = Load(json);

        result.Succeeded.Should().BeFalse();
        result.Errors.Should().ContainSingle().Which.Should().Match<ConfigurationError>(e =>
            e.Source == "calendar/0.json" && e.Location == location && e.Message.Contains(message));
    }

    [Fact]
    public void Load_BrokenJson_NamesTheLine()
    {
        var result = Load("{\n  \"year\": 2030,\n  \"holidays\": [ { \"key\": \"k\" \n}");

        result.Errors.Should().ContainSingle().Which.Location.Should().StartWith("line ");
    }

    [Fact]
    public void Load_AMisspelledProperty_IsAnError()
    {
        var result = Load("""{ "year": 2030, "holidayz": [] }""");

        result.Errors.Should().ContainSingle().Which.Message.Should().Contain("holidayz");
    }

    [Fact]
    public void Load_AMakeUpDayInsideAnotherYearsHoliday_NamesTheFileThatGivesIt()
    {
        var result = Load(
            """{ "year": 2030, "holidays": [ { "key": "new-year", "name": "元旦", "from": "2030-12-28", "to": "2031-01-01" } ] }""",
            """{ "year": 2031, "holidays": [ { "key": "spring", "name": "春节", "from": "2031-01-20", "to": "2031-01-26", "makeUpWorkingDays": ["2030-12-29"] } ] }""");

        result.Errors.Should().ContainSingle().Which.Should().Match<ConfigurationError>(e =>
            e.Source == "calendar/1.json" && e.Location == "holidays (spring).makeUpWorkingDays" && e.Message.Contains("falls inside 2030 new-year"));
    }

    [Fact]
    public void Load_TheSameYearTwice_IsAnError()
    {
        var result = Load("""{ "year": 2030 }""", """{ "year": 2030 }""");

        result.Errors.Should().ContainSingle().Which.Message.Should().Contain("already given by calendar/0.json");
    }
}
