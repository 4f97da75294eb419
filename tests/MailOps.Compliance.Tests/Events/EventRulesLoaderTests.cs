using MailOps.Compliance.Common;
using MailOps.Compliance.Events;
using MailOps.Compliance.Organisation;
using MailOps.Compliance.Tests.Support;

namespace MailOps.Compliance.Tests.Events;

public sealed class EventRulesLoaderTests
{
    private const string Head = """ "unitKind": "city-crm", "unitRoles": ["city.crm"] """;

    private static LoadResult<EventRules> Load(string body) =>
        EventRulesLoader.Load(new SourceText("regime/event-rules.json", "{" + body + "}"), Shipped.Regime.Directory);

    [Fact]
    public void Shipped_Loads()
    {
        var result = EventRulesLoader.Load(Shipped.File("regime/event-rules.json"), Shipped.Regime.Directory);

        result.Errors.Should().BeEmpty();
        result.Value!.UnitKind.Should().Be(UnitKind.CityCrm);
    }

    [Fact]
    public void Shipped_CoversEveryEventKind()
    {
        var rules = EventRulesLoader.Load(Shipped.File("regime/event-rules.json"), Shipped.Regime.Directory).Value!;

        rules.Kinds.Select(k => k.Kind).Should().BeEquivalentTo(EventKinds.All);
    }

    [Fact]
    public void Load_Words_AreStoredFolded()
    {
        var rules = Load(Head + """, "kinds": [ { "kind": "sales-opening", "words": [" ＯＰＥＮ "] } ]""").Value!;

        rules.Kinds.Single().Words.Should().Equal("open");
    }

    [Theory]
    [InlineData("""  "unitKind": "city", "kinds": [ { "kind": "delivery", "words": ["交付"] } ] """, "unitKind", "\"city\" is not one of")]
    [InlineData(""" "unitKind": "city-crm", "unitRoles": ["crm"], "kinds": [ { "kind": "delivery", "words": ["交付"] } ] """, "unitRoles", "\"crm\" is not a role key")]
    [InlineData(Head + """, "kinds": [] """, "kinds", "the rules list no kinds")]
    [InlineData(Head + """, "kinds": [ { "kind": "party", "words": ["派对"] } ] """, "kinds[0] (party).kind", "\"party\" is not an event kind")]
    [InlineData(Head + """, "kinds": [ { "kind": "delivery", "words": [] } ] """, "kinds[0] (delivery).words", "at least one word")]
    [InlineData(Head + """, "kinds": [ { "kind": "delivery", "words": ["交付", " "] } ] """, "kinds[0] (delivery).words", "a word is empty")]
    [InlineData(Head + """, "kinds": [ { "kind": "delivery", "words": ["交付"] }, { "kind": "site-open", "words": ["交付"] } ] """, "kinds[1] (site-open).words", "\"交付\" is already a word of kinds[0] (delivery)")]
    [InlineData(Head + """, "kinds": [ { "kind": "delivery", "words": ["交付"] } ], "hints": [""] """, "hints", "a word is empty")]
    [InlineData(Head + """, "kinds": [ { "kind": "delivery", "words": ["交付"] } ], "units": [ { "unit": "nobody", "categories": ["x"] } ] """, "units[0] (nobody).unit", "no unit \"nobody\"")]
    [InlineData(Head + """, "kinds": [ { "kind": "delivery", "words": ["交付"] } ], "units": [ { "unit": "callcenter", "categories": ["x"] } ] """, "units[0] (callcenter).unit", "is a callcenter unit; events are placed on city-crm units")]
    [InlineData(Head + """, "kinds": [ { "kind": "delivery", "words": ["交付"] } ], "units": [ { "unit": "cq-crm", "categories": ["重庆"] }, { "unit": "cd-crm", "categories": ["重庆"] } ] """, "units[1] (cd-crm).categories", "\"重庆\" already names cq-crm")]
    [InlineData(Head + """, "kinds": [ { "kind": "delivery", "words": ["交付"] } ], "extra": 1 """, "line 1, column 121 ($.extra)", "unknown property 'extra'")]
    public void Load_ABadFile_NamesTheKeyAndValue(string body, string location, string message)
    {
        var result = Load(body);

        result.Errors.Should().ContainSingle().Which.Should().Match<ConfigurationError>(e =>
            e.Source == "regime/event-rules.json" && e.Location == location && e.Message.Contains(message));
    }

    [Theory]
    [InlineData("complaint-hot", "投诉", "complaint-major", "重大投诉", "kinds[1] (complaint-major).words", "\"重大投诉\" can never match: \"投诉\" of kinds[0] (complaint-hot) comes first")]
    [InlineData("sales-opening", "交付", "delivery", "集中交付", "kinds[1] (delivery).words", "\"集中交付\" can never match: \"交付\" of kinds[0] (sales-opening)")]
    public void Load_AWordAnEarlierRuleOfAnotherKindHides_IsAnError(string firstKind, string firstWord, string secondKind, string secondWord, string location, string message)
    {
        var result = Load(Head + $$$""", "kinds": [ { "kind": "{{{firstKind}}}", "words": ["{{{firstWord}}}"] }, { "kind": "{{{secondKind}}}", "words": ["{{{secondWord}}}"] } ] """);

        result.Errors.Should().ContainSingle().Which.Should().Match<ConfigurationError>(e => e.Location == location && e.Message.Contains(message));
    }

    [Fact]
    public void Load_ALongerWordFirst_IsFine()
    {
        var result = Load(Head + """, "kinds": [ { "kind": "complaint-major", "words": ["重大投诉"] }, { "kind": "complaint-hot", "words": ["投诉"] } ] """);

        result.Errors.Should().BeEmpty();
    }

    [Fact]
    public void Load_AShorterWordOfTheSameKindFirst_IsFine()
    {
        var result = Load(Head + """, "kinds": [ { "kind": "delivery", "words": ["交付", "集中交付"] } ] """);

        result.Errors.Should().BeEmpty();
    }
}
