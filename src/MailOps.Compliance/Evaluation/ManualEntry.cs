namespace MailOps.Compliance.Evaluation;

public enum ManualEntryKind
{
    /// <summary>错报, decided by a person: 5 points on the report instance.</summary>
    Wrong,

    /// <summary>瞒报, decided by a person: 10 points on the report instance.</summary>
    Concealed,

    /// <summary>追加处罚: extra points on the unit, outside any report instance's cap.</summary>
    AdditionalPenalty,
}

/// <summary>
/// A judgement a person records: a wrong or concealed report instance (<see cref="ObligationKey"/> names it), or
/// an additional penalty on a unit that counts on <see cref="EffectiveDate"/>'s month and quarter. It counts from
/// <see cref="RecordedAt"/> until it is <see cref="Revoked"/>.
/// </summary>
public sealed record ManualEntry(
    ManualEntryKind Kind,
    string UnitId,
    string? ObligationKey,
    DateOnly EffectiveDate,
    int Points,
    string Reason,
    string Author,
    DateTimeOffset RecordedAt)
{
    /// <summary>Who withdrew the judgement, when and why; null while it stands. A revoked entry is kept, and listed, but counts nowhere.</summary>
    public Revocation? Revoked { get; init; }

    /// <summary>Whether the judgement had been withdrawn by <paramref name="asOf"/>: judged as at an earlier instant, it still stood.</summary>
    public bool IsRevokedAt(DateTimeOffset asOf) => Revoked is { } revoked && revoked.At <= asOf;
}

/// <summary>A person's judgement withdrawn: when, by whom, and why.</summary>
public sealed record Revocation(DateTimeOffset At, string By, string Reason);

public static class ManualEntryKinds
{
    /// <summary>The kind's name on the command line, in the store and in JSON: <c>wrong</c>, <c>concealed</c>, <c>additional-penalty</c>.</summary>
    public static string Name(ManualEntryKind kind) => kind switch
    {
        ManualEntryKind.Wrong => "wrong",
        ManualEntryKind.Concealed => "concealed",
        ManualEntryKind.AdditionalPenalty => "additional-penalty",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Reads a name written by <see cref="Name"/>.</summary>
    public static bool TryParse(string? name, out ManualEntryKind kind)
    {
        foreach (var candidate in Enum.GetValues<ManualEntryKind>())
        {
            if (Name(candidate) == name)
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
