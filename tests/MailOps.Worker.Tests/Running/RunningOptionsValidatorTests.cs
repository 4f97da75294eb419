using System.Globalization;
using MailOps.Worker.Running;
using MailOps.Worker.Tests.Support;

namespace MailOps.Worker.Tests.Running;

public sealed class RunningOptionsValidatorTests
{
    [Theory]
    [InlineData("the shortest", "00:00:01")]
    [InlineData("the default", "00:00:30")]
    [InlineData("the longest in seconds", "00:00:59")]
    [InlineData("a minute", "00:01:00")]
    [InlineData("minutes dividing an hour", "00:05:00")]
    [InlineData("half an hour", "00:30:00")]
    [InlineData("an hour", "01:00:00")]
    public void Validate_AnIntervalCoravelCanSchedule_Succeeds(string edge, string interval)
    {
        new RunningOptionsValidator().Validate(null, Options(interval)).Succeeded.Should().BeTrue(edge);
    }

    [Theory]
    [InlineData("zero", "00:00:00")]
    [InlineData("negative", "-00:00:30")]
    [InlineData("a fraction of a second", "00:00:00.500")]
    [InlineData("a second and a half", "00:00:01.500")]
    [InlineData("a minute and a half", "00:01:30")]
    [InlineData("minutes not dividing an hour", "00:07:00")]
    [InlineData("more than an hour", "02:00:00")]
    public void Validate_AnIntervalCoravelCannotSchedule_FailsNamingTheKey(string edge, string interval)
    {
        var result = new RunningOptionsValidator().Validate(null, Options(interval));

        result.Failures.Should().ContainSingle(edge).Which.Should().StartWith("MailOps:Worker:IngestInterval");
    }

    [Theory]
    [InlineData("00:00:30", 30, null)]
    [InlineData("00:01:00", null, "*/1 * * * *")]
    [InlineData("00:15:00", null, "*/15 * * * *")]
    public void Cadence_IsSecondsUnderAMinuteAndCronFromAMinute(string interval, int? seconds, string? cron)
    {
        Options(interval).Cadence().Should().Be((seconds, cron));
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
