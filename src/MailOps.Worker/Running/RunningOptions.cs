using Microsoft.Extensions.Options;

namespace MailOps.Worker.Running;

/// <summary>How often the running worker reads the mailbox (section <c>MailOps:Worker</c>).</summary>
public sealed class RunningOptions
{
    public const string Section = "MailOps:Worker";

    /// <summary>How often to read the mailbox, judge and send: 1 to 59 seconds, or whole minutes dividing an hour; default 30 seconds.</summary>
    public TimeSpan IngestInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The interval as Coravel schedules it: every n seconds, or a cron expression for whole minutes.</summary>
    internal (int? Seconds, string? Cron) Cadence() =>
        IngestInterval.TotalSeconds < 60 ? ((int)IngestInterval.TotalSeconds, null) : (null, $"*/{(int)IngestInterval.TotalMinutes} * * * *");
}

internal sealed class RunningOptionsValidator : IValidateOptions<RunningOptions>
{
    public ValidateOptionsResult Validate(string? name, RunningOptions options)
    {
        var interval = options.IngestInterval;
        var seconds = interval.TotalSeconds;
        var valid = seconds >= 1 && seconds < 60 && seconds == Math.Floor(seconds)
            || seconds >= 60 && interval.TotalMinutes == Math.Floor(interval.TotalMinutes) && interval.TotalMinutes <= 60 && 60 % (int)interval.TotalMinutes == 0;
        return valid
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{RunningOptions.Section}:IngestInterval {interval} is not 1 to 59 whole seconds or whole minutes dividing an hour (00:00:30, 00:05:00).");
    }
}
