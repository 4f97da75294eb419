namespace MailOps.SampleMailGenerator.Plan;

/// <summary>The kinds of planted fault, spelled as samples/expected.json spells them.</summary>
internal enum FaultKind
{
    Late,
    Missing,
    RecipientsMissing,
    Incomplete,
    UnknownSender,
    Unauthenticated,
    Unmatched,
}

internal static class FaultKinds
{
    public static string Name(FaultKind kind) => kind switch
    {
        FaultKind.Late => "late",
        FaultKind.Missing => "missing",
        FaultKind.RecipientsMissing => "recipients-missing",
        FaultKind.Incomplete => "incomplete",
        FaultKind.UnknownSender => "unknown-sender",
        FaultKind.Unauthenticated => "unauthenticated",
        FaultKind.Unmatched => "unmatched",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

/// <summary>
/// What goes wrong with one obligation's report. Only the member that its kind needs is set: the working days
/// late, the CC role left off, the body field or workbook cell left out, the attachment forgotten.
/// </summary>
internal sealed record Fault(FaultKind Kind, string What)
{
    public int WorkingDaysLate { get; init; }

    public string? DroppedRole { get; init; }

    public string? OmittedField { get; init; }

    public string? BlankCell { get; init; }

    public bool NoAttachment { get; init; }

    /// <summary>For <see cref="FaultKind.Unauthenticated"/>: a forgery from outside beside the unit's own report, rather than the unit's only copy.</summary>
    public bool Spoof { get; init; }
}
