using MailOps.Compliance.Deadlines;

namespace MailOps.Compliance.Scoring;

/// <summary>
/// A unit's score for a month or quarter: the starting score less the deductions of the obligations due in it
/// and the additional penalties dated in it, never below zero (<see cref="Deductions"/> keeps the full sum).
/// </summary>
public sealed record ScoreCard(string UnitId, Period Period, int Score, int Deductions, int ObligationsDue, int ObligationsFaulted, int AdditionalPenalties);
