using MailOps.Worker.Actions;

namespace MailOps.Worker.Tests.Actions;

/// <summary>Off by default; half a configuration or a weak key fails at start, naming the key and the fix, never the secret.</summary>
public sealed class MailActionOptionsValidatorTests
{
    private const string Key = "k3Jd8s0Qw2mZ7yXv1Lr5Tn9Pb4Hc6Fa0Ge2Uo8Ii4E=";

    [Fact]
    public void Validate_TheEmbeddedDefault_IsOff_AndPasses()
    {
        var options = new MailActionOptions();

        options.Enabled.Should().BeFalse();
        new MailActionOptionsValidator().Validate(null, options).Failed.Should().BeFalse();
    }

    [Fact]
    public void Validate_ReviewersWithoutAKey_FailsNamingTheKeyAndWhereItGoes()
    {
        var options = new MailActionOptions { Reviewers = ["he.zhiqiang@hq.example.com"] };

        new MailActionOptionsValidator().Validate(null, options).FailureMessage.Should().Contain("MailOps:Actions:SigningKey is empty").And.Contain("credentials/MailOps__Actions__SigningKey");
    }

    [Fact]
    public void Validate_AShortKey_FailsNamingItsLength_NotItsValue()
    {
        var options = new MailActionOptions { SigningKey = "hunter2-secret", Reviewers = ["he.zhiqiang@hq.example.com"] };

        var failure = new MailActionOptionsValidator().Validate(null, options).FailureMessage;

        failure.Should().Contain("MailOps:Actions:SigningKey is 14 byte(s)").And.NotContain("hunter2");
    }

    [Theory]
    [InlineData("He Zhiqiang <he.zhiqiang@hq.example.com>", "MailOps:Actions:Reviewers:0")]
    [InlineData("he.zhiqiang", "MailOps:Actions:Reviewers:0")]
    public void Validate_AReviewerThatIsNoBareAddress_Fails(string reviewer, string key)
    {
        var options = new MailActionOptions { SigningKey = Key, Reviewers = [reviewer] };

        new MailActionOptionsValidator().Validate(null, options).FailureMessage.Should().Contain($"{key} \"{reviewer}\"");
    }

    [Fact]
    public void Validate_AKeyWithoutReviewers_OrALifetimeOutOfRange_Fails()
    {
        var options = new MailActionOptions { SigningKey = Key, TokenLifetime = TimeSpan.FromDays(90) };

        var failure = new MailActionOptionsValidator().Validate(null, options).FailureMessage;

        failure.Should().Contain("MailOps:Actions:Reviewers is empty").And.Contain("MailOps:Actions:TokenLifetime \"90.00:00:00\"");
    }

    [Fact]
    public void Validate_AKeyAndReviewers_Passes()
    {
        var options = new MailActionOptions { SigningKey = Key, Reviewers = ["he.zhiqiang@hq.example.com"] };

        new MailActionOptionsValidator().Validate(null, options).Succeeded.Should().BeTrue();
        options.IsReviewer("HE.Zhiqiang@hq.example.com").Should().BeTrue();
    }
}
