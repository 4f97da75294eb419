using MailOps.Compliance.Common;
using MailOps.Compliance.Organisation;
using MailOps.Compliance.Tests.Support;

namespace MailOps.Compliance.Tests.Organisation;

public sealed class DirectoryTests
{
    private static OrganisationDirectory Sample => Shipped.Regime.Directory;

    [Fact]
    public void Sample_HasADozenAssessedUnitsOfTheThreeKinds()
    {
        Sample.Units.Should().HaveCount(12);
        Sample.AssessedUnits.Should().HaveCount(12);
        Sample.Units.GroupBy(u => u.Kind).ToDictionary(g => g.Key, g => g.Count()).Should().BeEquivalentTo(new Dictionary<UnitKind, int>
        {
            [UnitKind.CallCenter] = 1,
            [UnitKind.PropertyWarranty] = 4,
            [UnitKind.CityCrm] = 7,
        });
        Sample.Units.SelectMany(u => u.SubmitterAddresses).Should().OnlyContain(a => a.EndsWith(".example.com", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_ARoleByItsScope_UsesTheGroupTheCityOrThePropertyCompany()
    {
        var unit = Sample.FindUnit("cd-crm")!;

        Sample.Resolve(unit, "group.cs").Should().Equal(Sample.GroupRoles["group.cs"]);
        Sample.Resolve(unit, "city.gm").Should().Equal(Sample.FindCompany("cd")!.Roles["city.gm"]);
        Sample.Resolve(unit, "property.project.lead").Should().Equal(Sample.FindCompany(unit.PropertyCompany!)!.Roles["property.project.lead"]);
        Sample.Resolve(unit, "city.no-such-role").Should().BeEmpty();
    }

    [Fact]
    public void Resolve_AUnitsOwnRole_OverridesItsCompany()
    {
        var callCenter = Sample.FindUnit("callcenter")!;

        Sample.Resolve(callCenter, "city.crm").Should().HaveCount(7, "the call center reports to every city's CRM");
    }

    [Fact]
    public void UnitOfSubmitter_IgnoresCase()
    {
        var unit = Sample.Units.First(u => u.Kind == UnitKind.CallCenter);
        var address = unit.SubmitterAddresses.First();

        Sample.UnitOfSubmitter(address.ToUpperInvariant()).Should().Be(unit);
        Sample.UnitOfSubmitter("stranger@example.org").Should().BeNull();
    }

    private static LoadResult<OrganisationDirectory> Load(string json) => DirectoryLoader.Load(new SourceText("org.json", json));

    private const string Companies = """
        "companies": [ { "id": "cq", "kind": "city", "roles": { "city.gm": ["gm@cq.example.com"] } },
                       { "id": "wy", "kind": "property", "roles": { "property.all": ["all@wy.example.com"] } } ]
        """;

    [Theory]
    [InlineData("""{ "id": "u", "kind": "city-crm", "city": "wy", "submitters": { "city.crm.manager": ["a@cq.example.com"] } }""", "units[0] (u).city", "\"wy\" is a property company")]
    [InlineData("""{ "id": "u", "kind": "city-crm", "city": "xx", "submitters": { "city.crm.manager": ["a@cq.example.com"] } }""", "units[0] (u).city", "no company \"xx\"")]
    [InlineData("""{ "id": "u", "kind": "hq", "submitters": { "city.crm.manager": ["a@cq.example.com"] } }""", "units[0] (u).kind", "\"hq\" is not one of")]
    [InlineData("""{ "id": "u", "kind": "city-crm", "submitters": { "city.crm.manager": ["not an address"] } }""", "units[0] (u).submitters.city.crm.manager", "\"not an address\" is not an email address")]
    [InlineData("""{ "id": "u", "kind": "city-crm", "submitters": {} }""", "units[0] (u).submitters", "at least one submitter")]
    [InlineData("""{ "id": "u", "kind": "city-crm", "submitters": { "city.crm.manager": ["a@cq.example.com"] }, "roles": { "boss": ["b@cq.example.com"] } }""", "units[0] (u).roles.boss", "not a role key")]
    public void Load_ABadUnit_NamesTheUnitFieldAndFault(string unit, string location, string message)
    {
        var result = Load($$"""{ {{Companies}}, "units": [ {{unit}} ] }""");

        result.Errors.Should().ContainSingle().Which.Should().Match<ConfigurationError>(e =>
            e.Source == "org.json" && e.Location == location && e.Message.Contains(message));
    }

    [Fact]
    public void Load_ARoleInTheWrongScope_IsAnError()
    {
        var result = Load("""{ "group": { "roles": { "city.gm": ["gm@cq.example.com"] } }, "units": [ { "id": "u", "kind": "callcenter", "submitters": { "callcenter.duty": ["d@example.com"] } } ] }""");

        result.Errors.Should().ContainSingle().Which.Should().Match<ConfigurationError>(e => e.Location == "group.roles.city.gm" && e.Message.Contains("group.* or realestate.*"));
    }

    [Fact]
    public void Load_OneAddressSubmittingForTwoUnits_IsAnError()
    {
        var result = Load("""
            { "units": [ { "id": "a", "kind": "callcenter", "submitters": { "callcenter.duty": ["d@x.example.com"] } },
                         { "id": "b", "kind": "callcenter", "submitters": { "callcenter.duty": ["D@x.example.com"] } } ] }
            """);

        result.Errors.Should().ContainSingle().Which.Message.Should().Contain("already submits for a");
    }

    [Fact]
    public void RegimeLoader_ARoleTheCatalogNeedsButNobodyHolds_NamesTheUnitAndReport()
    {
        var sources = Shipped.Sources();
        var directory = sources.Directory.Text.Replace("\"city.finance\"", "\"city.finance-unused\"", StringComparison.Ordinal);

        var result = RegimeLoader.Load(sources with { Directory = sources.Directory with { Text = directory } }, RegimeZone.Shanghai);

        result.Errors.Should().Contain(e => e.Location == "units (cq-crm)" && e.Message.Contains("role city.finance, a recipient of site-open-plan"));
    }
}
