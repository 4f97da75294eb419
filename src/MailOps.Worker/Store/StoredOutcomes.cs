using MailOps.Compliance.Common;
using MailOps.Compliance.Evaluation;
using MailOps.Parsing;

namespace MailOps.Worker.Store;

/// <summary>
/// The one mapping between what parsing made of a message (<see cref="ParseOutcome"/>) and what the store keeps
/// (<see cref="StoredOutcome"/>), both ways: reasons and finding kinds stay their enums end to end.
/// </summary>
internal static class StoredOutcomes
{
    public static StoredOutcome From(string id, ParseOutcome outcome) => new()
    {
        Id = id,
        MessageId = outcome.MessageId,
        Matched = outcome.Matched,
        Reason = outcome.Reason,
        ReasonDetail = outcome.ReasonDetail?.Zh,
        ReasonDetailEn = outcome.ReasonDetail?.En,
        Report = outcome.ReportId,
        Unit = outcome.UnitId,
        Period = outcome.PeriodId,
        Submitter = outcome.Submitter,
        Received = outcome.Message?.Received,
        Recipients = [.. outcome.Submission?.Recipients ?? []],
        Findings = [.. outcome.Findings.Select(f => new StoredFinding { Kind = f.Kind, Detail = f.Detail.Zh, DetailEn = f.Detail.En })],
    };

    /// <summary>A message MailOps could not handle, held for a person with why.</summary>
    public static StoredOutcome Failed(StoredMessage message, LocalizedText detail) => new()
    {
        Id = message.Id,
        MessageId = message.InternetMessageId ?? message.MailboxId ?? message.Id,
        Matched = false,
        Reason = NonMatchReason.HandlingFailed,
        ReasonDetail = detail.Zh,
        ReasonDetailEn = detail.En,
        Received = message.Received,
    };

    /// <summary>The submission a stored outcome stands for, when it is one (matched, or accepted by a person).</summary>
    public static Submission? ToSubmission(StoredOutcome o) =>
        (o.Matched || o.AcceptedBy is not null) && o is { Report: { } report, Unit: { } unit, Period: { } period, Received: { } received }
            ? new Submission(report, unit, period, received, o.MessageId, o.Submitter ?? "", o.Recipients, [.. o.Findings.Select(f => new Finding(f.Kind, new LocalizedText(f.Detail, f.DetailEn)))])
            : null;

    /// <summary>What a person is asked to do about a stored outcome; null for a submission.</summary>
    public static NonMatchDisposition? Disposition(StoredOutcome o) =>
        o.Reason is { } reason ? NonMatchReasons.Disposition(reason) : null;
}
