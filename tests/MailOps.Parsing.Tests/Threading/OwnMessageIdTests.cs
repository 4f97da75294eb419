using MailOps.Parsing.Threading;

namespace MailOps.Parsing.Tests.Threading;

/// <summary>The Message-ID MailOps writes on its mail, read back.</summary>
public sealed class OwnMessageIdTests
{
    [Theory]
    [InlineData("nudge", "callcenter-daily/callcenter/2026-11-23")]
    [InlineData("overdue", "warranty-weekly/wy-hz-warranty/2026-W46")]
    [InlineData("nudge", "site-open-daily/cs-crm/cs-2026-11-site-open@2026-11-22")]
    [InlineData("nudge", "r/u/期间")]
    public void Read_ANoticeId_GivesItsKindAndObligation(string kind, string obligation)
    {
        var id = OwnMessageId.Create(kind, $"{kind}/{obligation}/chen.xue@callcenter.example.com", obligation, "hq.example.com");

        OwnMessageId.Read($"<{id}>").Should().Be(new OwnMessage(kind, obligation));
        id.Should().MatchRegex("^mailops\\.[a-z]+\\.[a-z2-7]+\\.[0-9a-f]{16}@hq\\.example\\.com$");
    }

    [Fact]
    public void Read_AnIdARelayUpperCased_StillGivesTheObligation()
    {
        var id = OwnMessageId.Create("nudge", "nudge/callcenter-daily/callcenter/2026-11-23/x@y", "callcenter-daily/callcenter/2026-11-23", "hq.example.com");

        OwnMessageId.Read(id.ToUpperInvariant()).Should().Be(new OwnMessage("nudge", "callcenter-daily/callcenter/2026-11-23"));
    }

    [Fact]
    public void Read_AnHqMailId_HasAKindAndNoObligation()
    {
        var id = OwnMessageId.Create("digest", "digest/2026-11-24/group.cs@hq.example.com", null, "hq.example.com");

        OwnMessageId.Read(id).Should().Be(new OwnMessage("digest", null));
        OwnMessageId.Read(id)!.IsNotice.Should().BeFalse();
    }

    [Fact]
    public void Create_TwoRecipientsOfOneNotice_GetTwoIds()
    {
        const string obligation = "callcenter-daily/callcenter/2026-11-23";

        OwnMessageId.Create("nudge", $"nudge/{obligation}/a@x", obligation, "hq.example.com")
            .Should().NotBe(OwnMessageId.Create("nudge", $"nudge/{obligation}/b@x", obligation, "hq.example.com"));
    }

    [Theory]
    [InlineData(null, "no id")]
    [InlineData("SH0PR01MB1037E39449919B17DD03E3F680A6BE7E034F5DD89147@SH0PR01MB1037.apcprd01.prod.exchangelabs.com", "Outlook's")]
    [InlineData("3f2a9c0d1e4b5a6978877665544332211@hq.example.com", "MailOps's former bare hash")]
    [InlineData("mailops.nudge.0189.0123456789abcdef@hq.example.com", "0, 1, 8 and 9 are not base32")]
    [InlineData("mailops.nudge.mfrgg.0123456789abcdeg@hq.example.com", "the hash is not hex")]
    [InlineData("mailops.nudge.x.y.0123456789abcdef@hq.example.com", "one part too many")]
    [InlineData("mailops..0123456789abcdef@hq.example.com", "no kind")]
    public void Read_AnotherId_IsNotMailOpss(string? id, string because)
    {
        OwnMessageId.Read(id).Should().BeNull(because);
    }

    [Fact]
    public void Create_AKindThatIsNotLetters_IsRefused()
    {
        var create = () => OwnMessageId.Create("nudge.x", "k", null, "hq.example.com");

        create.Should().Throw<ArgumentException>();
    }
}
