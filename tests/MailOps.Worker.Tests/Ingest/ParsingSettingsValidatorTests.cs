using MailOps.Parsing;
using MailOps.Worker.Ingest;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace MailOps.Worker.Tests.Ingest;

public sealed class ParsingSettingsValidatorTests
{
    [Theory]
    [InlineData("Exchange Online's newer stamp", "mx.microsoft.com")]
    [InlineData("Exchange Online's filtering hosts", "*.protection.outlook.com")]
    [InlineData("an on-premises gateway", "mx.hq.example.com")]
    [InlineData("a single-label authserv-id", "gateway")]
    public void Validate_AnAuthServId_Succeeds(string edge, string id)
    {
        new ParsingSettingsValidator().Validate(null, new ParsingSettings { TrustedAuthServIds = [id] }).Succeeded.Should().BeTrue(edge);
    }

    [Theory]
    [InlineData("empty", "", "MailOps:Parsing:TrustedAuthServIds:0 \"\" is not an authserv-id")]
    [InlineData("a whole header", "mx.microsoft.com; spf=pass", "MailOps:Parsing:TrustedAuthServIds:0 \"mx.microsoft.com; spf=pass\" is not an authserv-id")]
    [InlineData("a bare wildcard", "*", "MailOps:Parsing:TrustedAuthServIds:0 \"*\" is not an authserv-id")]
    [InlineData("a wildcard over a top-level domain", "*.com", "MailOps:Parsing:TrustedAuthServIds:0 \"*.com\" trusts every server under a top-level domain")]
    [InlineData("a wildcard inside a name", "mx*.microsoft.com", "MailOps:Parsing:TrustedAuthServIds:0 \"mx*.microsoft.com\" is not an authserv-id")]
    public void Validate_ABadAuthServId_FailsNamingKeyValueAndFix(string edge, string id, string failure)
    {
        var result = new ParsingSettingsValidator().Validate(null, new ParsingSettings { TrustedAuthServIds = [id] });

        result.Failures.Should().ContainSingle(edge).Which.Should().StartWith(failure).And.Contain("such as");
    }

    [Theory]
    [InlineData("an address", "chen.xue@callcenter.example.com")]
    [InlineData("a single label", "localhost")]
    [InlineData("a wildcard", "*.example.com")]
    public void Validate_ABadInternalDomain_FailsNamingKeyValueAndFix(string edge, string domain)
    {
        var result = new ParsingSettingsValidator().Validate(null, new ParsingSettings { InternalDomains = ["hq.example.com", domain] });

        result.Failures.Should().ContainSingle(edge).Which.Should().StartWith($"MailOps:Parsing:InternalDomains:1 \"{domain}\" is not a domain name").And.Contain("such as hq.example.com");
    }

    [Fact]
    public void TheShippedAppsettings_BindAndValidateCleanToTheParsersDefaults()
    {
        var settings = ShippedSettings.Parsing();

        new ParsingSettingsValidator().Validate(null, settings).Succeeded.Should().BeTrue();
        settings.ToParsingOptions().Should().BeEquivalentTo(ParsingOptions.Default);
    }

    [Fact]
    public void ToParsingOptions_AConfiguredList_ReplacesExchangeOnlinesDefaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MailOps:Parsing:TrustedAuthServIds:0"] = " mx.hq.example.com ",
            ["MailOps:Parsing:TrustMissingAuthServId"] = "false",
            ["MailOps:Parsing:InternalDomains:0"] = "hq.example.com",
        }).Build();

        var options = configuration.GetSection(ParsingSettings.Section).Get<ParsingSettings>()!.ToParsingOptions();

        options.TrustedAuthServIds.Should().Equal("mx.hq.example.com");
        options.TrustMissingAuthServId.Should().BeFalse();
        options.InternalDomains.Should().Equal("hq.example.com");
    }

    [Fact]
    public void ToParsingOptions_NothingConfigured_KeepsTheParsersDefaults()
    {
        new ParsingSettings().ToParsingOptions().Should().BeEquivalentTo(ParsingOptions.Default);
    }
}
