using MailOps.Compliance.Waking;

namespace MailOps.Worker.Running;

/// <summary>Why the worker beats: at start, when it was woken (<see cref="WakeReason"/>), or for a command's request.</summary>
internal enum BeatReason
{
    Start,
    Interval,
    Deadline,
    Digest,
    Workday,
    LastCall,
    Request,
}

/// <summary>How a beat's reason reads in the log and the status file (<c>reason</c>), and which wake makes which beat.</summary>
internal static class BeatReasons
{
    public static string Name(BeatReason reason) => reason switch
    {
        BeatReason.Start => "start",
        BeatReason.Interval => "interval",
        BeatReason.Deadline => "deadline",
        BeatReason.Digest => "digest",
        BeatReason.Workday => "workday",
        BeatReason.LastCall => "last-call",
        BeatReason.Request => "request",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    public static BeatReason Of(WakeReason wake) => wake switch
    {
        WakeReason.Deadline => BeatReason.Deadline,
        WakeReason.HeadquartersMail => BeatReason.Digest,
        WakeReason.WorkdayStart => BeatReason.Workday,
        WakeReason.LastCall => BeatReason.LastCall,
        WakeReason.Interval => BeatReason.Interval,
        _ => throw new ArgumentOutOfRangeException(nameof(wake), wake, null),
    };
}
