using MailOps.Compliance.Common;
using MailOps.Compliance.Events;
using MailOps.Compliance.Tests.Support;
using static MailOps.Compliance.Tests.Support.Dates;

namespace MailOps.Compliance.Tests.Events;

public sealed class EventsLoaderTests
{
    private static LoadResult<IReadOnlyList<ProjectEvent>> Load(string entry) =>
        EventsLoader.Load(new SourceText("events.json", $$"""{ "events": [ {{entry}} ] }"""), Shipped.Regime.Directory, RegimeZone.Shanghai);

    [Fact]
    public void Load_AWindowOfDates_RunsFromTheStartOfTheFirstDayToTheEndOfTheLast()
    {
        var result = Load("""{ "id": "open", "unit": "cq-crm", "kind": "site-open", "start": "2026-11-21", "end": "2026-11-22" }""");

        result.Value!.Single().Should().Match<ProjectEvent>(e => e.Start == T("2026-11-21 00:00") && e.End == T("2026-11-22 23:59:59"));
    }

    [Fact]
    public void Load_AnInstantWithoutEnd_EndsWhenItStarts()
    {
        var result = Load("""{ "id": "c", "unit": "cq-crm", "kind": "complaint-hot", "start": "2026-11-12T10:20" }""");

        result.Value!.Single().End.Should().Be(T("2026-11-12 10:20"));
    }

    [Theory]
    [InlineData("""{ "id": "e", "unit": "nobody", "kind": "site-open", "start": "2026-11-21" }""", "events[0] (e).unit", "no unit \"nobody\"")]
    [InlineData("""{ "id": "e", "unit": "cq-crm", "kind": "party", "start": "2026-11-21" }""", "events[0] (e).kind", "\"party\" is not one of")]
    [InlineData("""{ "id": "e", "unit": "cq-crm", "kind": "site-open", "start": "21/11/2026" }""", "events[0] (e).start", "is not a local date")]
    [InlineData("""{ "id": "e", "unit": "cq-crm", "kind": "site-open", "start": "2026-11-21", "end": "2026-11-20" }""", "events[0] (e).end", "is before the start")]
    public void Load_ABadEvent_NamesTheEventFieldAndFault(string entry, string location, string message)
    {
        var result = Load(entry);

        result.Errors.Should().ContainSingle().Which.Should().Match<ConfigurationError>(e =>
            e.Source == "events.json" && e.Location == location && e.Message.Contains(message));
    }

    [Fact]
    public void Sample_LoadsEveryEventForACityUnit()
    {
        Shipped.Regime.Events.Should().NotBeEmpty().And.OnlyContain(e => e.UnitId.EndsWith("-crm", StringComparison.Ordinal));
    }
}
