using MailOps.Worker.Cli;
using MailOps.Worker.Tests.Support;

namespace MailOps.Worker.Tests.Cli;

/// <summary>
/// The report instance a person names on the command line: one the regime owes and that has opened by now, or the
/// few real ones they likely meant (same report and unit with the closest periods, same period with the closest ids).
/// </summary>
public sealed class ObligationLookupTests
{
    private static readonly ObligationLookup Lookup = new(ShippedRegime.Regime);

    [Theory]
    [InlineData("callcenter-daily/callcenter/2026-11-20")]
    [InlineData("crm-monthly/cq-crm/2026-11")]
    [InlineData("callcenter-daily/callcenter/2026-11-24")] // opened today, due tonight
    public void Find_AnOpenedObligation_IsFound(string key)
    {
        var found = Lookup.Find(key, Support.Cli.Now);

        found.Obligation.Should().NotBeNull();
        found.Obligation!.Key.Should().Be(key);
    }

    [Fact]
    public void Find_AnObligationThatHasNotOpened_IsNotFound_ButSaysWhenItOpens()
    {
        var found = Lookup.Find("callcenter-daily/callcenter/2027-11-20", Support.Cli.Now);

        found.Obligation.Should().BeNull();
        found.NotYetOpen!.Opens.Should().Be(new DateTimeOffset(2027, 11, 20, 0, 0, 0, TimeSpan.FromHours(8)));
    }

    [Theory]
    [InlineData("callcenter-daily/callcenter/2027-11-20", "callcenter-daily/callcenter/2026-11-20", "a typo'd year: the same day a year back")]
    [InlineData("callcenter-daily/callcenter/2026-11-31", "callcenter-daily/callcenter/2026-11-21", "a day the month does not have")]
    [InlineData("callcenter-daly/callcenter/2026-11-02", "callcenter-daily/callcenter/2026-11-02", "a misspelt report")]
    [InlineData("callcenter-daily/callcentre/2026-11-02", "callcenter-daily/callcenter/2026-11-02", "a misspelt unit")]
    [InlineData("callcenter-daily/cq-crm/2026-11-02", "callcenter-daily/callcenter/2026-11-02", "a unit that does not owe the report")]
    [InlineData("crm-monthly/cq-crm/2026-W47", "crm-monthly/cq-crm/2026-11", "a week for a monthly report")]
    [InlineData("warranty-weekly/wy-cq-warranty/2026-W74", "warranty-weekly/wy-cq-warranty/2026-W47", "swapped digits")]
    public void Nearest_AnObligationThatDoesNotExist_NamesTheRealOnesLikelyMeant_BestFirst(string key, string meant, string why)
    {
        var nearest = Lookup.Nearest(key, Support.Cli.Now);

        nearest.Should().NotBeEmpty(why).And.HaveCountLessThanOrEqualTo(5, "a few").And.OnlyHaveUniqueItems();
        nearest[0].Should().Be(meant, why);
        nearest.Should().OnlyContain(k => Lookup.Find(k, Support.Cli.Now).Obligation != null, "only real, opened obligations are named");
    }
}
