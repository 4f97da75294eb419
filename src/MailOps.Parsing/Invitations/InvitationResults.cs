using MailOps.Compliance.Common;
using MailOps.Compliance.Events;

namespace MailOps.Parsing.Invitations;

/// <summary>What the reader made of a message: an invitation, or the problem that prevents one (never an exception).</summary>
public sealed record InvitationReadResult
{
    public Invitation? Invitation { get; init; }

    /// <summary>Null exactly when <see cref="Invitation"/> is set.</summary>
    public InvitationProblem? Problem { get; init; }

    /// <summary>The problem in words, naming what was read.</summary>
    public LocalizedText? Detail { get; init; }

    /// <summary>Where the calendar that failed was found, when one was.</summary>
    public CalendarLocation? Location { get; init; }

    internal static InvitationReadResult Failed(InvitationProblem problem, LocalizedText detail, CalendarLocation? location = null) =>
        new() { Problem = problem, Detail = detail, Location = location };
}

/// <summary>One occurrence of an invitation's item, ready for <see cref="EventRecognizer"/>.</summary>
/// <param name="IsCancelled">The invitation is a cancellation, or the occurrence's own STATUS is CANCELLED.</param>
public sealed record InvitationOccurrence(CalendarItem Item, int Sequence, bool IsCancelled);

/// <summary>The occurrences of an expansion; with a <see cref="Problem"/> they are those found before it stopped.</summary>
public sealed record InvitationExpansion(IReadOnlyList<InvitationOccurrence> Occurrences, InvitationProblem? Problem = null, LocalizedText? Detail = null);
