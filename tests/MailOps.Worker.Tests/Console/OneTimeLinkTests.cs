using MailOps.Worker.Web;

namespace MailOps.Worker.Tests.Web;

/// <summary>The one-time link's token: random, good once, and nothing else is taken for it.</summary>
public sealed class OneTimeLinkTests
{
    [Fact]
    public void TryRedeem_TheRightToken_SucceedsOnce()
    {
        var link = OneTimeLink.Create();

        var first = link.TryRedeem(link.Token);
        var second = link.TryRedeem(link.Token);

        first.Should().BeTrue();
        second.Should().BeFalse("a one-time link works once");
        link.Used.Should().BeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-the-token")]
    public void TryRedeem_AnythingElse_IsRefused_AndLeavesTheLinkUnused(string? token)
    {
        var link = OneTimeLink.Create();

        link.TryRedeem(token).Should().BeFalse();
        link.Used.Should().BeFalse();
        link.TryRedeem(link.Token).Should().BeTrue();
    }

    [Fact]
    public void TryRedeem_TheTokenWithOneCharacterChanged_IsRefused()
    {
        var link = OneTimeLink.Create();
        var changed = (link.Token[0] == 'A' ? 'B' : 'A') + link.Token[1..];

        link.TryRedeem(changed).Should().BeFalse();
    }

    [Fact]
    public void Create_MakesA256BitUrlSafeToken_DifferentEachTime()
    {
        var tokens = Enumerable.Range(0, 20).Select(_ => OneTimeLink.Create().Token).ToList();

        tokens.Should().OnlyHaveUniqueItems();
        tokens.Should().OnlyContain(t => t.Length == 43 && t.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'), "32 random bytes in base64url, safe in a URL as they are");
    }
}
