using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Evaluation;

namespace MailOps.Compliance.Notices;

public enum NoticeKind
{
    /// <summary>Before the deadline, to the owner of a report not yet received.</summary>
    Nudge,

    /// <summary>After the deadline, to the owner of a report still not received, with what the lateness costs so far.</summary>
    Overdue,
}

/// <summary>A notice that is due: its kind, the obligation it is about (judged at the planning instant) and when it fell due.</summary>
public sealed record PlannedNotice(NoticeKind Kind, ObligationResult Result, DateTimeOffset At)
{
    public Obligation Obligation => Result.Obligation;
}

/// <summary>
/// Decides which notices are due at an instant, from obligations judged at that instant. Only what is still
/// owed is nudged, and only before its deadline (a nudge for a deadline already passed is never due, however
/// late the planner runs); an overdue notice is due from <see cref="NoticePolicy.OverdueAfter"/> past the
/// deadline while the report is overdue but not yet missing. Every planned instant lies in the working hours, and
/// nothing is due at an instant outside them (a worker restarted at night sends what it owes in the morning).
/// Sending each once is the caller's part: every notice has a stable key (<see cref="Key"/>).
/// </summary>
public sealed class NoticePlanner(Regime regime, NoticePolicy policy)
{
    /// <summary>The notices due at <paramref name="now"/> for obligations judged at <paramref name="now"/>.</summary>
    public IReadOnlyList<PlannedNotice> Due(IEnumerable<ObligationResult> results, DateTimeOffset now)
    {
        var due = new List<PlannedNotice>();
        if (!policy.Hours.Contains(regime.Zone, now))
        {
            return due;
        }

        foreach (var result in results)
        {
            var obligation = result.Obligation;
            if (result.Status == ObligationStatus.Pending && now <= obligation.Due && NudgeAt(obligation) is { } nudge && nudge <= now)
            {
                due.Add(new PlannedNotice(NoticeKind.Nudge, result, nudge));
            }
            else if (result.Status == ObligationStatus.Overdue && policy.OverdueNotices && OverdueAt(obligation) is var overdue && overdue <= now)
            {
                due.Add(new PlannedNotice(NoticeKind.Overdue, result, overdue));
            }
        }

        return due;
    }

    /// <summary>
    /// Reminders for items owed by SMS or phone (never evaluated, since MailOps cannot see them), when the
    /// policy enables them: a nudge before each deadline, nothing after it.
    /// </summary>
    public IReadOnlyList<PlannedNotice> Reminders(IEnumerable<Obligation> unwatched, DateTimeOffset now)
    {
        if (!policy.RemindNonEmailChannels || !policy.Hours.Contains(regime.Zone, now))
        {
            return [];
        }

        return
        [
            .. unwatched
                .Where(o => now <= o.Due && NudgeAt(o) is { } at && at <= now)
                .Select(o => new PlannedNotice(NoticeKind.Nudge, new ObligationResult(o, ObligationStatus.Pending, 0, 0, [], null), NudgeAt(o)!.Value)),
        ];
    }

    /// <summary>When the obligation's owner is nudged, kept inside the working day; null when its report is never nudged.</summary>
    public DateTimeOffset? NudgeAt(Obligation obligation)
    {
        var report = regime.Catalog.Find(obligation.ReportId);
        if (report is null || report.Channel != Catalog.Channel.Email && !policy.RemindNonEmailChannels)
        {
            return null;
        }

        var at = policy.TimingFor(report).InstantFor(obligation, regime.Zone, policy.WorkdayStart);
        return at is null ? null : policy.Hours.Place(regime.Zone, at.Value, obligation.Opens, obligation.Due);
    }

    /// <summary>When the overdue notice of an obligation falls due, kept inside the working day.</summary>
    public DateTimeOffset OverdueAt(Obligation obligation) =>
        policy.Hours.NextOpening(regime.Zone, obligation.Due + policy.OverdueAfter);

    /// <summary>The idempotency key of a notice to one recipient: kind, obligation, recipient.</summary>
    public static string Key(NoticeKind kind, Obligation obligation, string recipient) =>
        $"{(kind == NoticeKind.Nudge ? "nudge" : "overdue")}/{obligation.Key}/{recipient.Trim().ToLowerInvariant()}";
}
