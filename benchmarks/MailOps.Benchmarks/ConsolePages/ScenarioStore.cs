using System.Globalization;
using MailOps.Compliance.Evaluation;
using MailOps.Parsing;
using MailOps.Parsing.Reading;
using MailOps.Worker.Store;

namespace MailOps.Benchmarks.ConsolePages;

/// <summary>
/// A store holding a scenario's mail as the ingest writes it: each submission received by <c>asOf</c> one stored
/// message (described as <c>Ingestor</c> describes one) with the outcome parsing would have made of it, mapped by
/// <see cref="StoredOutcomes.From"/>. Mail received after <c>asOf</c> has not arrived yet.
/// </summary>
internal static class ScenarioStore
{
    // As the ingest commits: one write per page of the mailbox.
    private const int Page = 100;

    /// <returns>How many messages were stored.</returns>
    public static int Fill(MailStore store, IEnumerable<Submission> submissions, DateTimeOffset asOf)
    {
        var arrived = submissions.Where(s => s.Received <= asOf).OrderBy(s => s.Received).ToList();
        foreach (var page in arrived.Chunk(Page))
        {
            store.RecordPage([.. page.Select(Record)]);
        }

        return arrived.Count;
    }

    private static (StoredMessage Message, StoredOutcome? Outcome) Record(Submission submission)
    {
        var id = submission.MessageId.Trim('<', '>');
        var subject = string.Create(CultureInfo.InvariantCulture, $"{submission.ReportId} {submission.UnitId} {submission.PeriodId}");
        var message = new StoredMessage
        {
            Id = id,
            MailboxId = id,
            InternetMessageId = submission.MessageId,
            From = submission.Sender,
            Subject = subject,
            Received = submission.Received,
            SecondKey = StoredMessage.SecondKeyOf(submission.MessageId, submission.Sender, submission.Received),
            SenderMessageKey = StoredMessage.SenderMessageKeyOf(submission.MessageId, submission.Sender),
            Parsed = true,
        };
        var read = new ReadMessage
        {
            MessageId = submission.MessageId,
            Subject = subject,
            From = new MailboxInfo(submission.Sender, null),
            Sender = null,
            ReplyTo = null,
            To = [.. submission.Recipients.Select(r => new MailboxInfo(r, null))],
            Cc = [],
            Date = submission.Received,
            Received = submission.Received,
            ReceivedFrom = null,
            Attachments = [],
        };
        var outcome = new ParseOutcome
        {
            MessageId = submission.MessageId,
            Message = read,
            NormalizedSubject = subject,
            ReportId = submission.ReportId,
            UnitId = submission.UnitId,
            PeriodId = submission.PeriodId,
            Submitter = submission.Sender,
            Findings = submission.Findings,
            Submission = submission,
        };
        return (message, StoredOutcomes.From(id, outcome));
    }
}
