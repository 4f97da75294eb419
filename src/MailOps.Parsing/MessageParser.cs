using MailOps.Compliance;
using MailOps.Compliance.Catalog;
using MailOps.Compliance.Common;
using MailOps.Compliance.Deadlines;
using MailOps.Compliance.Evaluation;
using MailOps.Compliance.Organisation;
using MailOps.Parsing.Authenticity;
using MailOps.Parsing.Checks;
using MailOps.Parsing.Classification;
using MailOps.Parsing.Reading;
using MailOps.Parsing.Screening;
using MailOps.Parsing.Subjects;
using MailOps.Parsing.Threading;
using MimeKit;

namespace MailOps.Parsing;

/// <summary>
/// Turns one raw RFC 5322 message into a <see cref="ParseOutcome"/> against the regime: read, screen out
/// what is not a submission, classify (report, unit, period), check content and recipients, and judge the
/// sender's authenticity (docs/parsing.md). Pure over its input; never throws for any input.
/// </summary>
public sealed class MessageParser
{
    private readonly Regime _regime;
    private readonly ParsingOptions _options;
    private readonly ReportClassifier _classifier;
    private readonly PeriodResolver _periods;
    private readonly HashSet<string> _internalDomains;
    private readonly SenderAuthentication _authentication;
    private readonly SubjectHolidays _holidays;

    public MessageParser(Regime regime, ParsingOptions? options = null)
    {
        _regime = regime;
        _options = options ?? ParsingOptions.Default;
        _classifier = new ReportClassifier(regime.Catalog);
        _periods = new PeriodResolver(regime);
        _holidays = new SubjectHolidays(regime.Calendar.Holidays);
        _internalDomains = (_options.InternalDomains.Count > 0 ? _options.InternalDomains : DirectoryDomains(regime.Directory))
            .Select(d => d.ToLowerInvariant())
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        _authentication = new SenderAuthentication(_internalDomains, _options);
    }

    /// <param name="raw">The message's bytes.</param>
    /// <param name="receivedAt">When the mailbox received it (Graph's receivedDateTime, IMAP's INTERNALDATE), if known.</param>
    public ParseOutcome Parse(byte[] raw, DateTimeOffset? receivedAt = null)
    {
        try
        {
            return ParseCore(raw, receivedAt);
        }
#pragma warning disable CA1031 // The boundary of untrusted input: whatever a malformed message provokes becomes data.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return NonMatch(MessageReader.SyntheticId(raw), NonMatchReason.Unparseable, new($"无法解析（{ex.GetType().Name}）：{ex.Message}", $"cannot be parsed ({ex.GetType().Name}): {ex.Message}"));
        }
    }

    // Words that make any subject read like a report, so that one no report of the catalog matches (an outside
    // firm's 品质月报, a unit's own wording) is parsed and reaches triage rather than passing unseen.
    private static readonly string[] ReportWords = ["日报", "周报", "月报", "季报", "年报", "报表", "报告", "快报", "简报", "总结", "纪要"];

    /// <summary>
    /// Whether a message's metadata could be a report: its subject names one of the catalog or reads like a
    /// report (日报, 周报, 月报, 报告, 快报, 纪要 ...), or its sender submits for a unit. Only such messages are worth
    /// fetching in full; ordinary mail costs no more than its metadata.
    /// </summary>
    /// <summary>
    /// Why a message's From cannot be trusted (an internal address the tenant does not vouch for), or null when it can
    /// or is outside: for what MailOps takes from a message that is not a report, such as an invitation's events.
    /// Never throws; a message that cannot be read is not trusted.
    /// </summary>
    public LocalizedText? UntrustedSender(byte[] raw)
    {
        try
        {
            using var message = MessageReader.Load(raw);
            var from = message.From.Mailboxes.FirstOrDefault()?.Address;
            return from is null
                ? new LocalizedText("邮件没有发件人", "the message names no sender")
                : _authentication.Check(message, from);
        }
        catch (FormatException ex)
        {
            return new LocalizedText($"邮件无法读取：{ex.Message}", $"the message cannot be read: {ex.Message}");
        }
    }

    /// <summary>
    /// Why a message's From is not vouched for by the tenant, or null when it is: stricter than
    /// <see cref="UntrustedSender"/>, since an address outside the tenant's domains is never vouched for (nothing MailOps
    /// reads can tell a forged outside From from a true one). For what a person asks of MailOps by mail, such as a
    /// reviewer's action from the digest. Never throws; a message that cannot be read is not vouched for.
    /// </summary>
    public LocalizedText? Unvouched(byte[] raw)
    {
        try
        {
            using var message = MessageReader.Load(raw);
            var from = message.From.Mailboxes.FirstOrDefault()?.Address;
            if (from is null)
            {
                return new LocalizedText("邮件没有发件人", "the message names no sender");
            }

            if (!_internalDomains.Contains(from[(from.LastIndexOf('@') + 1)..]))
            {
                return new LocalizedText($"发件人 {from} 不在本租户的域内，无法认证", $"the sender {from} is outside the tenant's domains and cannot be authenticated");
            }

            return _authentication.Check(message, from);
        }
        catch (FormatException ex)
        {
            return new LocalizedText($"邮件无法读取：{ex.Message}", $"the message cannot be read: {ex.Message}");
        }
    }

    public bool CouldBeReport(string? subject, string? from)
    {
        var normalized = SubjectNormalizer.Normalize(subject).Text;
        if (_classifier.Classify(normalized, _ => true).Candidates.Count > 0 || ReportWords.Any(w => normalized.Contains(w, StringComparison.Ordinal)))
        {
            return true;
        }

        return from is not null && MailboxAddress.TryParse(from, out var sender) && _regime.Directory.UnitOfSubmitter(sender.Address) is not null;
    }

    private ParseOutcome ParseCore(byte[] raw, DateTimeOffset? receivedAt)
    {
        if (raw.LongLength > _options.MaxMessageBytes)
        {
            return NonMatch(MessageReader.SyntheticId(raw), NonMatchReason.TooLarge, new(
                $"邮件 {raw.LongLength} 字节，超过上限 {_options.MaxMessageBytes}", $"the message is {raw.LongLength} bytes, over the limit of {_options.MaxMessageBytes}"));
        }

        MimeMessage message;
        try
        {
            message = MessageReader.Load(raw);
        }
        catch (FormatException ex)
        {
            return NonMatch(MessageReader.SyntheticId(raw), NonMatchReason.Unparseable, new($"不是可读的邮件：{ex.Message}", $"not a readable message: {ex.Message}"));
        }

        if (MessageReader.HasMorePartsThan(message, _options.MaxParts))
        {
            return NonMatch(MessageReader.SyntheticId(raw), NonMatchReason.TooManyParts, new(
                $"邮件的 MIME 部分超过 {_options.MaxParts} 个", $"the message has more than {_options.MaxParts} MIME parts"));
        }

        var read = MessageReader.Read(message, raw, receivedAt, _options);
        var own = OwnText.Of(read);
        var subject = SubjectNormalizer.Normalize(message.Subject);
        var outcome = new ParseOutcome { MessageId = read.MessageId, Message = read, NormalizedSubject = subject.Text };
        var notice = NoticeThread.Find(message, _regime);
        var named = Name(read, subject);
        if (NotASubmission(message, read, own, subject, notice, named) is { } screened)
        {
            return outcome with { Reason = screened.Reason, ReasonDetail = screened.Detail };
        }

        if (read.Received is not { } received)
        {
            return outcome with { Reason = NonMatchReason.NoDate, ReasonDetail = new("没有收件时间、Received 或 Date 信头", "no received instant, Received or Date header") };
        }

        if (received.Year is < 2000 or > 2100)
        {
            return outcome with
            {
                Reason = NonMatchReason.NoDate,
                ReasonDetail = new($"收件时间 {received:O} 不可信", $"the received instant {received:O} cannot be right"),
            };
        }

        if (notice is not null)
        {
            return AnswerToNotice(message, read, own, notice, received, outcome);
        }

        var classified = Classify(message, read, subject, received, outcome, named);
        return subject.FirstPrefix == SubjectPrefix.Reply ? WithContent(classified) : classified;
    }

    // What is not a submission whenever it came: MailOps's own mail, delivery reports and automatic replies
    // (NonSubmissionScreen), and a reply that answers no notice and carries nothing of a report. A reply that carries
    // something, or answers a notice, is judged like a report, and needs its received instant.
    private (NonMatchReason Reason, LocalizedText Detail)? NotASubmission(MimeMessage message, ReadMessage read, ReadMessage own, NormalizedSubject subject, NoticeReference? notice, Named named)
    {
        var owed = named.Owed;
        var subjectSaysLittle = subject.FirstPrefix == SubjectPrefix.Reply || named.Any.Candidates.Count == 0;
        if (NonSubmissionScreen.Screen(message, own, subject, subjectSaysLittle) is { } screened)
        {
            return screened;
        }

        return notice is null && subject.FirstPrefix == SubjectPrefix.Reply && !ReplyContent.CarriesAnything(owed.Report, read, own, _options)
            ? (NonMatchReason.Reply, new("对报告的回复，不是报告本身", "a reply to a report, not a report"))
            : null;
    }

    private ParseOutcome Classify(MimeMessage message, ReadMessage read, NormalizedSubject subject, DateTimeOffset received, ParseOutcome outcome, Named sent)
    {
        var (unit, submitter, owed) = (sent.Unit, sent.Submitter, sent.Owed);
        var any = sent.Any;
        var named = _periods.Plausible(SubjectPeriods.Find(subject.Text, _regime.Zone.DateOf(received)), received);
        var holidays = _holidays.Find(subject.Text, _regime.Zone.DateOf(received));
        outcome = outcome with { UnitId = unit?.Id, Submitter = submitter };

        if (owed.IsAmbiguous || (owed.Report is null && any.IsAmbiguous))
        {
            var names = string.Join("、", (owed.IsAmbiguous ? owed : any).Candidates.Select(r => r.Id));
            return outcome with { Reason = NonMatchReason.Ambiguous, ReasonDetail = new($"主题同时符合多种报告：{names}", $"the subject fits several reports: {names}") };
        }

        var report = owed.Report ?? any.Report;
        if (report is null)
        {
            return outcome with { Reason = NonMatchReason.UnknownReport, ReasonDetail = new("主题不符合任何报告", "the subject names no report") };
        }

        // Without a unit that owes the report, only what the subject names can be told.
        var period = _periods.WithoutUnit(report, named, holidays, _regime.Zone.DateOf(received));
        outcome = outcome with { ReportId = report.Id };
        if (unit is null)
        {
            return outcome with
            {
                PeriodId = period,
                Reason = NonMatchReason.UnknownSender,
                ReasonDetail = new(
                    $"{report.Name.Zh}{(period is null ? "" : $"（{period}）")}，发件人 {read.From?.Address ?? "（无）"} 不是任何单位的报送人",
                    $"a {report.Name.En}{(period is null ? "" : $" for {period}")} from {read.From?.Address ?? "(no sender)"}, who submits for no unit"),
            };
        }

        if (owed.Report is null)
        {
            return outcome with { PeriodId = period, Reason = NonMatchReason.NotOwed, ReasonDetail = new($"{unit.Name.Zh} 不需要报送{report.Name.Zh}", $"{unit.Name.En} does not owe the {report.Name.En}") };
        }

        var periodId = _periods.Resolve(unit, report, named, holidays, received);
        if (periodId is null)
        {
            return outcome with { Reason = NonMatchReason.PeriodUnknown, ReasonDetail = new($"找不到 {unit.Name.Zh} 的{report.Name.Zh}对应的期间", $"no period of the {report.Name.En} of {unit.Name.En} fits") };
        }

        return Submit(message, read, unit, report, periodId, submitter!, received, outcome);
    }

    // Report, unit and period are known: the submission, its checks, and the sender's authenticity.
    private ParseOutcome Submit(MimeMessage message, ReadMessage read, Unit unit, ReportDefinition report, string periodId, string submitter, DateTimeOffset received, ParseOutcome outcome)
    {
        var findings = Check(unit, report, read);
        var submission = new Submission(report.Id, unit.Id, periodId, received, read.MessageId, submitter, [.. read.To.Concat(read.Cc).Select(m => m.Address)], findings);
        outcome = outcome with { ReportId = report.Id, UnitId = unit.Id, Submitter = submitter, PeriodId = periodId, Findings = findings, Submission = submission };

        if (Unauthenticated(message, read, submitter) is { } spoofed)
        {
            return outcome with { Reason = NonMatchReason.UnauthenticatedSender, ReasonDetail = spoofed };
        }

        return outcome;
    }

    // A reply (or forward) to a nudge or an overdue notice is about the notice's obligation. From one of the unit's
    // submitters with the report's content it is that obligation's submission, checked like any; carrying nothing
    // ("已发送") it is shown to a person and never counted.
    private ParseOutcome AnswerToNotice(MimeMessage message, ReadMessage read, ReadMessage own, NoticeReference notice, DateTimeOffset received, ParseOutcome outcome)
    {
        var about = notice.Describe();
        var submitter = new[] { read.From, read.Sender, read.ReplyTo }
            .FirstOrDefault(m => m is not null && notice.Unit.SubmitterAddresses.Contains(m.Address, StringComparer.OrdinalIgnoreCase))?.Address;
        var carries = ReplyContent.CarriesReport(notice.Report, read, own, _options);
        outcome = outcome with { ReportId = notice.Report.Id, UnitId = notice.Unit.Id, PeriodId = notice.PeriodId, Submitter = submitter };
        if (carries && submitter is not null)
        {
            return Submit(message, read, notice.Unit, notice.Report, notice.PeriodId, submitter, received, outcome);
        }

        var from = read.From?.Address ?? "（无）";
        return carries
            ? outcome with
            {
                Reason = NonMatchReason.ReplyWithContent,
                ReasonDetail = new(
                    $"对{about.Zh}的回复带有报告内容，但发件人 {from} 不是{notice.Unit.Name.Zh}的报送人：需人工确认",
                    $"a reply to {about.En} that carries the report, from {read.From?.Address ?? "(no sender)"}, who does not submit for {notice.Unit.Name.En}: a person must look"),
            }
            : outcome with
            {
                Reason = NonMatchReason.ReplyToNotice,
                ReasonDetail = new(
                    $"对{about.Zh}的回复，没有附上报告：不计为报送",
                    $"a reply to {about.En} that carries no report: not counted as a submission"),
            };
    }

    // A reply that carries an attachment or the content of the report it names may be a report sent as a reply: it
    // keeps what was recognized for triage, and is never counted.
    private static ParseOutcome WithContent(ParseOutcome classified)
    {
        var what = classified.ReportId is null
            ? new LocalizedText("", "")
            : new LocalizedText(
                $"（{classified.ReportId}{(classified.UnitId is null ? "" : $"，{classified.UnitId}")}{(classified.PeriodId is null ? "" : $"，{classified.PeriodId}")}）",
                $" ({classified.ReportId}{(classified.UnitId is null ? "" : $", {classified.UnitId}")}{(classified.PeriodId is null ? "" : $", {classified.PeriodId}")})");
        return classified with
        {
            Reason = NonMatchReason.ReplyWithContent,
            ReasonDetail = new($"回复邮件带有附件或报告内容{what.Zh}：可能是以回复方式发送的报告，需人工确认", $"a reply that carries an attachment or report content{what.En}: perhaps a report sent as a reply; a person must look"),
            Findings = [],
            Submission = null,
        };
    }

    private List<Finding> Check(Unit unit, ReportDefinition report, ReadMessage read)
    {
        var findings = new List<Finding>();
        if (RecipientCheck.Check(_regime.Directory, unit, report, read) is { } recipients)
        {
            findings.Add(recipients);
        }

        findings.AddRange(AttachmentCheck.Check(report, read));
        findings.AddRange(BodyFieldCheck.Check(report.Content.Fields, read, _options));
        findings.AddRange(WorkbookCheck.Check(report.Content.WorkbookCells, read, _options));
        return findings;
    }

    // The address that made the unit must be authentic, and so must From; a unit named only through Sender or
    // Reply-To is taken on trust only when From is internal too.
    private LocalizedText? Unauthenticated(MimeMessage message, ReadMessage read, string submitter)
    {
        var from = read.From?.Address;
        if (_authentication.Check(message, submitter) is { } failed)
        {
            return failed;
        }

        if (from is null || from.Equals(submitter, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (_authentication.Check(message, from) is { } fromFailed)
        {
            return fromFailed;
        }

        return _internalDomains.Contains(from[(from.LastIndexOf('@') + 1)..])
            ? null
            : new LocalizedText(
                $"报送人 {submitter} 只出现在 Sender 或 Reply-To 中，发件人 {from} 是外部地址，需人工确认",
                $"the submitter {submitter} appears only in Sender or Reply-To while the sender {from} is outside; a person must accept it");
    }

    // The unit the sender submits for, and the reports the subject names: those the unit owes, and any (the same
    // when no unit is known), both from one scoring of the subject. Screening and classifying share them.
    private sealed record Named(Unit? Unit, string? Submitter, Classification.Classification Owed, Classification.Classification Any);

    private Named Name(ReadMessage read, NormalizedSubject subject)
    {
        var (unit, submitter) = Submitter(read);
        var scores = _classifier.Score(subject.Text);
        var owed = scores.Among(r => unit is null || Regime.Assigns(unit, r));
        return new Named(unit, submitter, owed, unit is null ? owed : scores.Among(_ => true));
    }

    private (Unit? Unit, string? Address) Submitter(ReadMessage read)
    {
        foreach (var mailbox in new[] { read.From, read.Sender, read.ReplyTo })
        {
            if (mailbox is not null && _regime.Directory.UnitOfSubmitter(mailbox.Address) is { } unit)
            {
                return (unit, mailbox.Address);
            }
        }

        return (null, null);
    }

    private static ParseOutcome NonMatch(string messageId, NonMatchReason reason, LocalizedText detail) =>
        new() { MessageId = messageId, Reason = reason, ReasonDetail = detail };

    private static IEnumerable<string> DirectoryDomains(OrganisationDirectory directory) =>
        directory.GroupRoles.Values
            .Concat(directory.Companies.SelectMany(c => c.Roles.Values))
            .Concat(directory.Units.SelectMany(u => u.Submitters.Values.Concat(u.Roles.Values)))
            .SelectMany(addresses => addresses)
            .Select(a => a[(a.LastIndexOf('@') + 1)..])
            .Distinct(StringComparer.OrdinalIgnoreCase);
}
