using System.Globalization;
using MailOps.Worker.Assessment;
using MailOps.Worker.Tests.Support;

namespace MailOps.Worker.Tests.Assessment;

public sealed class AssessmentOptionsValidatorTests
{
    [Theory]
    [InlineData("unset: two quarters back from today", null)]
    [InlineData("the shipped first due date", "2026-11-01")]
    [InlineData("the first plausible year", "2000-01-01")]
    [InlineData("the last plausible year", "2100-12-31")]
    public void Validate_APlausibleSince_Succeeds(string edge, string? since)
    {
        var options = new AssessmentOptions { Since = since is null ? null : DateOnly.Parse(since, CultureInfo.InvariantCulture) };

        new AssessmentOptionsValidator().Validate(null, options).Succeeded.Should().BeTrue(edge);
    }

    [Theory]
    [InlineData("a year before 2000", "1999-12-31")]
    [InlineData("a year after 2100", "2101-01-01")]
    [InlineData("a typo of the century", "0226-11-01")]
    public void Validate_AnImplausibleSince_FailsNamingTheKeyAndTheDate(string edge, string since)
    {
        var options = new AssessmentOptions { Since = DateOnly.Parse(since, CultureInfo.InvariantCulture) };

        var result = new AssessmentOptionsValidator().Validate(null, options);

        result.Failures.Should().ContainSingle(edge).Which.Should().StartWith($"MailOps:Assessment:Since {since}");
    }

    [Fact]
    public void Validate_UnderABuddhistCalendarCulture_NamesTheDateAsWritten()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("th-TH");
        try
        {
            var result = new AssessmentOptionsValidator().Validate(null, new AssessmentOptions { Since = new DateOnly(1999, 12, 31) });

            result.Failures.Should().ContainSingle().Which.Should().StartWith("MailOps:Assessment:Since 1999-12-31");
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void TheShippedAppsettings_BindAndValidateClean()
    {
        var options = ShippedSettings.Assessment();

        options.Since.Should().Be(new DateOnly(2026, 11, 1));
        new AssessmentOptionsValidator().Validate(null, options).Succeeded.Should().BeTrue();
    }
}
