namespace MailOps.Parsing.Invitations;

/// <summary>Why a message gave no invitation, or an invitation no (complete) expansion. Names are in <see cref="InvitationProblems"/>.</summary>
public enum InvitationProblem
{
    /// <summary>No calendar part at all: an ordinary message, for the report parser.</summary>
    NoCalendar,

    TooManyParts,

    /// <summary>The calendar text is larger than <see cref="InvitationOptions.MaxCalendarBytes"/>.</summary>
    TooLarge,

    /// <summary>The message, or the iCalendar text, cannot be read.</summary>
    Unparseable,

    /// <summary>A calendar without any VEVENT (a VTODO, free-busy, an empty VCALENDAR).</summary>
    NoEvents,

    TooManyComponents,

    /// <summary>A VEVENT without UID: its occurrences could not keep their ids from one version to the next.</summary>
    MissingUid,

    /// <summary>A TZID that is neither a known zone nor defined by a fixed-offset VTIMEZONE of the calendar.</summary>
    UnknownTimeZone,

    /// <summary>The expansion stopped at a limit; the occurrences so far are kept.</summary>
    TooManyOccurrences,

    /// <summary>The recurrence engine gave up on a rule (one that never matches, for instance).</summary>
    Unexpandable,
}

public static class InvitationProblems
{
    /// <summary>The problem's name in JSON and the store: <c>no-calendar</c>, <c>unknown-time-zone</c>, ...</summary>
    public static string Name(InvitationProblem problem) => problem switch
    {
        InvitationProblem.NoCalendar => "no-calendar",
        InvitationProblem.TooManyParts => "too-many-parts",
        InvitationProblem.TooLarge => "too-large",
        InvitationProblem.Unparseable => "unparseable",
        InvitationProblem.NoEvents => "no-events",
        InvitationProblem.TooManyComponents => "too-many-components",
        InvitationProblem.MissingUid => "missing-uid",
        InvitationProblem.UnknownTimeZone => "unknown-time-zone",
        InvitationProblem.TooManyOccurrences => "too-many-occurrences",
        InvitationProblem.Unexpandable => "unexpandable",
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
    };
}
