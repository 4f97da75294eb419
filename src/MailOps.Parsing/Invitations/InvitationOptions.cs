namespace MailOps.Parsing.Invitations;

/// <summary>Hard limits of the invitation reader, in the manner of MimeKit's ParserOptions; the defaults are safe for a shared mailbox.</summary>
public sealed record InvitationOptions
{
    public static InvitationOptions Default { get; } = new();

    /// <summary>The most MIME parts looked at for a calendar; default 500 (<see cref="InvitationProblem.TooManyParts"/>).</summary>
    public int MaxParts { get; init; } = 500;

    /// <summary>How deep forwarded messages (message/rfc822) are searched; default 3, 0 for the message's own parts only.</summary>
    public int MaxForwardDepth { get; init; } = 3;

    /// <summary>The largest calendar, decoded, that is read; default 2 MiB (<see cref="InvitationProblem.TooLarge"/>).</summary>
    public int MaxCalendarBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>The most components (events, exceptions, time zones, alarms) a calendar may hold; default 2,000.</summary>
    public int MaxComponents { get; init; } = 2000;

    /// <summary>
    /// The most occurrences one expansion takes from the recurrence engine, counted from the day before the window;
    /// past it the expansion stops and says so (<see cref="InvitationProblem.TooManyOccurrences"/>). Default 5,000.
    /// </summary>
    public int MaxOccurrences { get; init; } = 5000;

    /// <summary>
    /// The most steps an hourly, minutely or secondly rule may take from its start to the window's end; such a rule steps
    /// through every one of them, inside the library, before the window. Default 100,000 (11 years hourly).
    /// </summary>
    public int MaxRecurrenceSteps { get; init; } = 100_000;
}
