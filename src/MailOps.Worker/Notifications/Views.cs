namespace MailOps.Worker.Notifications;

// What the templates see: every value already in the mail's language and formatted; the templates only lay out.
public sealed class NoticeView
{
    public string Kind { get; init; } = "";

    public string Group { get; init; } = "";

    public string Unit { get; init; } = "";

    public string Report { get; init; } = "";

    public string ReportId { get; init; } = "";

    public string Period { get; init; } = "";

    public string Due { get; init; } = "";

    public string To { get; init; } = "";

    public string Cc { get; init; } = "";

    /// <summary>The report's keyword groups, each as <c>呼叫中心 + 日报</c>: a subject needs every word of any one group.</summary>
    public IReadOnlyList<string> SubjectGroups { get; init; } = [];

    /// <summary>A whole subject MailOps reads as this report and period (<see cref="SubjectExample"/>).</summary>
    public string SubjectExample { get; init; } = "";

    public int DaysLate { get; init; }

    public int DeductionSoFar { get; init; }

    public int PerWorkingDay { get; init; }

    public int Cap { get; init; }

    public int MissingPoints { get; init; }

    /// <summary>The last instant a report still not received counts as late; after it, it is missing and costs <see cref="MissingPoints"/>.</summary>
    public string MissingAfter { get; init; } = "";

    /// <summary>Whether another working day late still comes before <see cref="MissingAfter"/>, costing <see cref="PerWorkingDay"/> more.</summary>
    public bool MoreLateDays { get; init; }

    public string Mailbox { get; init; } = "";
}

public sealed class CellView
{
    /// <summary>The cell on one line: <c>漏1 逾1 待5</c>; a single obligation is its state alone (<c>漏</c>).</summary>
    public string Symbol { get; init; } = "";

    /// <summary>The same, one state a part, for a narrow cell that stacks them.</summary>
    public IReadOnlyList<string> Parts { get; init; } = [];

    public string Background { get; init; } = "";

    public string Color { get; init; } = "";

    public string Title { get; init; } = "";
}

public sealed class RowView
{
    public string Unit { get; init; } = "";

    public IReadOnlyList<CellView> Cells { get; init; } = [];
}

/// <summary>One kind of unit's part of a matrix: its units, and only the reports due from any of them.</summary>
public sealed class MatrixGroupView
{
    public string Name { get; init; } = "";

    public IReadOnlyList<string> Columns { get; init; } = [];

    public IReadOnlyList<RowView> Rows { get; init; } = [];
}

/// <summary>A window's matrix, split by kind of unit so that each part is narrow; a kind with nothing due there is left out.</summary>
public sealed class MatrixView
{
    public string Title { get; init; } = "";

    public IReadOnlyList<MatrixGroupView> Groups { get; init; } = [];

    public bool Empty => Groups.Count == 0;
}

/// <summary>
/// A fault with its evidence. The values that came from a mail (detail, sender, Message-ID) are cleaned and
/// shortened as they are set (<see cref="ShownText"/>), so no view of them, in any template, shows a bidi control
/// or an endless value; the store keeps them whole.
/// </summary>
public sealed class FaultView
{
    public string Unit { get; init; } = "";

    public string Report { get; init; } = "";

    public string Period { get; init; } = "";

    public string Status { get; init; } = "";

    /// <summary>The colour of the fault's state, as its matrix cell shows it.</summary>
    public string Color { get; init; } = "";

    public int Deduction { get; init; }

    public string Detail { get; init => field = ShownText.Of(value, ShownText.Detail); } = "";

    public string Sender { get; init => field = ShownText.Of(value, ShownText.Sender); } = "";

    public string Received { get; init; } = "";

    public string MessageId { get; init => field = ShownText.Of(value, ShownText.MessageId); } = "";

    /// <summary>The obligation's console page, absolute; empty without the console's public address.</summary>
    public string Link { get; init; } = "";
}

/// <summary>A message shown for triage or as unauthenticated; its sender, subject and reason are cleaned as set (see <see cref="FaultView"/>).</summary>
public sealed class MessageView
{
    public string Received { get; init; } = "";

    public string From { get; init => field = ShownText.Of(value, ShownText.Sender); } = "";

    public string Subject { get; init => field = ShownText.Of(value, ShownText.Subject); } = "";

    public string Reason { get; init => field = ShownText.Of(value, ShownText.Detail); } = "";

    /// <summary>The message's section of the console's triage page, absolute; empty without the console's public address.</summary>
    public string Link { get; init; } = "";

    /// <summary>The actions by mail a reviewer's digest offers on the message (MailOps:Actions); none in anyone else's, or without a signing key.</summary>
    public IReadOnlyList<ActionView> Actions { get; init; } = [];
}

/// <summary>An action by mail: its words and its <c>mailto:</c> link, escaped as RFC 6068 asks (HTML escapes it again in an attribute).</summary>
public sealed class ActionView
{
    public string Label { get; init; } = "";

    public string Href { get; init; } = "";
}

public sealed class ScoreView
{
    public int Rank { get; init; }

    public string Unit { get; init; } = "";

    public int Score { get; init; }

    public int Deductions { get; init; }

    public int Due { get; init; }

    public int Faulted { get; init; }

    public string Mean { get; init; } = "";

    public IReadOnlyList<int> Months { get; init; } = [];

    public bool Star { get; init; }

    public bool Watched { get; init; }

    public bool Below { get; init; }
}

public sealed class LegendView
{
    public string Symbol { get; init; } = "";

    public string Background { get; init; } = "";

    public string Color { get; init; } = "";

    public string Label { get; init; } = "";
}

public sealed class DigestView
{
    public string Group { get; init; } = "";

    public string Date { get; init; } = "";

    public string AsOf { get; init; } = "";

    public string Since { get; init; } = "";

    public IReadOnlyList<MatrixView> Matrices { get; init; } = [];

    public IReadOnlyList<LegendView> Legend { get; init; } = [];

    public IReadOnlyList<FaultView> Faults { get; init; } = [];

    public int FaultPoints { get; init; }

    public IReadOnlyList<MessageView> Triage { get; init; } = [];

    public IReadOnlyList<MessageView> Unauthenticated { get; init; } = [];

    /// <summary>Events learnt, moved or cancelled since the last digest, with the reports they make owed (or no longer owed).</summary>
    public IReadOnlyList<EventView> Events { get; init; } = [];

    public string Month { get; init; } = "";

    public IReadOnlyList<ScoreView> MonthScores { get; init; } = [];

    public string Quarter { get; init; } = "";

    public IReadOnlyList<ScoreView> QuarterScores { get; init; } = [];

    /// <summary>What went wrong with MailOps itself (the mailbox, the store): shown at the top.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The administrator's task (the calendar's data running out), one line at the foot; empty when there is none.</summary>
    public string AdminNote { get; init; } = "";

    public string Mailbox { get; init; } = "";
}

public sealed class AssessmentView
{
    public string Group { get; init; } = "";

    public string Period { get; init; } = "";

    public string AsOf { get; init; } = "";

    public IReadOnlyList<ScoreView> Scores { get; init; } = [];

    public IReadOnlyList<FaultView> Faults { get; init; } = [];

    public IReadOnlyList<string> Stars { get; init; } = [];

    public IReadOnlyList<string> Watched { get; init; } = [];

    public int Threshold { get; init; }

    /// <summary>How many months in a row below <see cref="Threshold"/> a unit is escalated (seed 004: three).</summary>
    public int WatchMonths { get; init; }

    public string Mailbox { get; init; } = "";
}

/// <summary>An event as the digest tells HQ it was understood: what changed, what it is, and what it makes owed.</summary>
public sealed class EventView
{
    public string Change { get; init; } = "";

    public string Kind { get; init; } = "";

    public string Unit { get; init; } = "";

    public string When { get; init; } = "";

    public string Source { get; init; } = "";

    public string Note { get; init => field = ShownText.Of(value, ShownText.Detail); } = "";

    /// <summary>The reports it makes owed with their due instants, or (cancelled) those no longer owed.</summary>
    public string Reports { get; init; } = "";

    /// <summary>Set when it was learnt after a report fell due: when, and that the due was deferred.</summary>
    public string LearntLate { get; init; } = "";
}
