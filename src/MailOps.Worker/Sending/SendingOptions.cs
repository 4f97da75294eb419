using Microsoft.Extensions.Options;

namespace MailOps.Worker.Sending;

/// <summary>How queued notifications are sent (section <c>MailOps:Sending</c>).</summary>
public sealed class SendingOptions
{
    public const string Section = "MailOps:Sending";

    /// <summary>At most this many sends in any 60 seconds; default 30.</summary>
    public int PerMinute { get; set; } = 30;

    /// <summary>At most this many notifications in flight at once; default 4.</summary>
    public int Concurrency { get; set; } = 4;
}

internal sealed class SendingOptionsValidator : IValidateOptions<SendingOptions>
{
    public ValidateOptionsResult Validate(string? name, SendingOptions options)
    {
        var failures = new List<string>();
        if (options.PerMinute is < 1 or > 10_000)
        {
            failures.Add($"{SendingOptions.Section}:PerMinute {options.PerMinute} must be from 1 to 10000.");
        }

        if (options.Concurrency is < 1 or > 64)
        {
            failures.Add($"{SendingOptions.Section}:Concurrency {options.Concurrency} must be from 1 to 64.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
