using Microsoft.Extensions.Options;

namespace MailOps.Worker.Running;

/// <summary>How often the running worker reads the mailbox (section <c>MailOps:Worker</c>).</summary>
public sealed class RunningOptions
{
    public const string Section = "MailOps:Worker";

    /// <summary>
    /// How often to read the mailbox, judge and send, from the start of one beat to the start of the next: from one
    /// second to one hour; default 30 seconds. Deadlines and headquarters' mail wake the worker on time whatever it is.
    /// </summary>
    public TimeSpan IngestInterval { get; set; } = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan ShortestInterval = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan LongestInterval = TimeSpan.FromHours(1);
}

internal sealed class RunningOptionsValidator : IValidateOptions<RunningOptions>
{
    public ValidateOptionsResult Validate(string? name, RunningOptions options)
    {
        var interval = options.IngestInterval;
        return interval >= RunningOptions.ShortestInterval && interval <= RunningOptions.LongestInterval
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{RunningOptions.Section}:IngestInterval {interval} is not from 00:00:01 to 01:00:00: write how long from one reading of the mailbox to the next, such as 00:00:30 or 00:05:00.");
    }
}
