using System.Globalization;
using MailOps.Worker.Running;
using MailOps.Worker.Tests.Support;

namespace MailOps.Worker.Tests.Running;

public sealed class RunningOptionsValidatorTests
{
    [Theory]
    [InlineData("the shortest", "00:00:01")]
    [InlineData("the default", "00:00:30")]
    [InlineData("a second and a half", "00:00:01.500")]
    [InlineData("a minute and a half", "00:01:30")]
    [InlineData("minutes not dividing an hour", "00:07:00")]
    [InlineData("the longest", "01:00:00")]
    public void Validate_AnIntervalFromASecondToAnHour_Succeeds(string edge, string interval)
    {
        new RunningOptionsValidator().Validate(null, Options(interval)).Succeeded.Should().BeTrue(edge);
    }

    [Theory]
    [InlineData("zero", "00:00:00")]
    [InlineData("negative", "-00:00:30")]
    [InlineData("under a second", "00:00:00.500")]
    [InlineData("more than an hour", "01:00:01")]
    public void Validate_AnIntervalOutsideASecondToAnHour_FailsNamingTheKeyTheValueAndTheRange(string edge, string interval)
    {
        var result = new RunningOptionsValidator().Validate(null, Options(interval));

        result.Failures.Should().ContainSingle(edge).Which.Should().StartWith("MailOps:Worker:IngestInterval").And.Contain("00:00:01 to 01:00:00");
    }

    [Fact]
    public void TheShippedAppsettings_BindAndValidateClean()
    {
        var options = ShippedSettings.Running();

        options.IngestInterval.Should().Be(TimeSpan.FromSeconds(30));
        new RunningOptionsValidator().Validate(null, options).Succeeded.Should().BeTrue();
    }

    private static RunningOptions Options(string interval) => new() { IngestInterval = TimeSpan.Parse(interval, CultureInfo.InvariantCulture) };
}
