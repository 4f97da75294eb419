using MailOps.Compliance.Common;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Evaluation;
using MailOps.Compliance.Scoring;

namespace MailOps.Compliance.Digests;

/// <summary>How a matrix cell reads, worst first: what headquarters must act on comes before what is fine.</summary>
public enum CellState
{
    Missing,
    Overdue,
    Late,
    Incomplete,
    Pending,
    OnTime,
}

/// <summary>One unit's obligations of one report in a window: the worst state among them, how many, and what they cost.</summary>
public sealed record MatrixCell(CellState State, int Count, int Deduction);

public sealed record MatrixRow(string UnitId, LocalizedText UnitName, IReadOnlyList<MatrixCell?> Cells);

public sealed record MatrixColumn(string ReportId, LocalizedText ReportName);

/// <summary>Units down, reports across, for the obligations due from <see cref="From"/> to <see cref="To"/>; a null cell is a report the unit does not owe there.</summary>
public sealed record StatusMatrix(DateOnly From, DateOnly To, IReadOnlyList<MatrixColumn> Columns, IReadOnlyList<MatrixRow> Rows);

/// <summary>A fault that became known since the last digest, with its evidence.</summary>
public sealed record FaultLine(ObligationResult Result, LocalizedText UnitName, LocalizedText ReportName, DateTimeOffset KnownAt);

/// <summary>A message that needs a person: it looked like a report but was not matched, or its sender could not be authenticated.</summary>
public sealed record TriageLine(string MessageId, string? From, string? Subject, DateTimeOffset Received, string Reason, LocalizedText Detail);

/// <summary>
/// The working-morning digest for headquarters: the last working day's and the current week's matrices,
/// the faults new since the previous digest, triage, unauthenticated senders, running scores, warnings.
/// </summary>
public sealed record Digest(
    DateOnly Date,
    DateTimeOffset AsOf,
    DateTimeOffset Since,
    StatusMatrix LastWorkingDay,
    StatusMatrix Week,
    IReadOnlyList<FaultLine> NewFaults,
    IReadOnlyList<TriageLine> Triage,
    IReadOnlyList<TriageLine> Unauthenticated,
    Period Month,
    IReadOnlyList<ScoreCard> MonthScores,
    Period Quarter,
    IReadOnlyList<ScoreCard> QuarterScores,
    IReadOnlyList<DigestWarning> Warnings);
