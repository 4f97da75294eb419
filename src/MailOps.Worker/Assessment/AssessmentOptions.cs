using MailOps.Compliance.Evaluation;
using Microsoft.Extensions.Options;

namespace MailOps.Worker.Assessment;

/// <summary>What is assessed (section <c>MailOps:Assessment</c>).</summary>
public sealed class AssessmentOptions
{
    public const string Section = "MailOps:Assessment";

    /// <summary>
    /// The first due date MailOps assesses: obligations due earlier are not judged (before MailOps watched the
    /// mailbox, nothing it did not see can be called missing). Unset: two quarters back from today.
    /// </summary>
    public DateOnly? Since { get; set; }

    /// <summary>The points of the regime; the defaults are seed 000's.</summary>
    public ScoringPolicy Scoring { get; } = ScoringPolicy.Default;
}

internal sealed class AssessmentOptionsValidator : IValidateOptions<AssessmentOptions>
{
    public ValidateOptionsResult Validate(string? name, AssessmentOptions options) =>
        options.Since is { Year: < 2000 or > 2100 } since
            ? ValidateOptionsResult.Fail(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{AssessmentOptions.Section}:Since {since:yyyy-MM-dd} is not a plausible first due date."))
            : ValidateOptionsResult.Success;
}
