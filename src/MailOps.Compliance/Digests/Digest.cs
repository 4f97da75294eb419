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

/// <summary>How many obligations of a matrix cell read in each state.</summary>
public readonly record struct StateCounts(int Missing, int Overdue, int Late, int Incomplete, int Pending, int OnTime)
{
    public int this[CellState state] => state switch
    {
        CellState.Missing => Missing,
        CellState.Overdue => Overdue,
        CellState.Late => Late,
        CellState.Incomplete => Incomplete,
        CellState.Pending => Pending,
        CellState.OnTime => OnTime,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public int Total => Missing + Overdue + Late + Incomplete + Pending + OnTime;

    /// <summary>The states that hold any obligation, worst first, with their counts.</summary>
    public IEnumerable<(CellState State, int Count)> Held()
    {
        var counts = this;
        return Enum.GetValues<CellState>().Order().Where(s => counts[s] > 0).Select(s => (s, counts[s]));
    }

    public static StateCounts Of(IEnumerable<CellState> states) =>
        states.Aggregate(default(StateCounts), (counts, state) => counts.With(state, 1));

    public StateCounts With(CellState state, int more) => state switch
    {
        CellState.Missing => this with { Missing = Missing + more },
        CellState.Overdue => this with { Overdue = Overdue + more },
        CellState.Late => this with { Late = Late + more },
        CellState.Incomplete => this with { Incomplete = Incomplete + more },
        CellState.Pending => this with { Pending = Pending + more },
        CellState.OnTime => this with { OnTime = OnTime + more },
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}

/// <summary>
/// One unit's obligations of one report in a window: how many read in each state, and what they cost together.
/// <see cref="State"/> is the worst state among them, <see cref="Count"/> how many there are in all.
/// </summary>
public sealed record MatrixCell(StateCounts Counts, int Deduction)
{
    /// <summary>A cell whose <paramref name="count"/> obligations all read <paramref name="state"/>.</summary>
    public MatrixCell(CellState state, int count, int deduction)
        : this(default(StateCounts).With(state, count), deduction)
    {
    }

    public CellState State => Counts.Held().First().State;

    public int Count => Counts.Total;
}

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
