using MailOps.Parsing;
using MailOps.Worker.Actions;
using MailOps.Worker.Assessment;
using MailOps.Worker.Ingest;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace MailOps.Worker.Tests.Actions;

/// <summary>
/// A reviewer's action mail through the real ingest path (the folder mailbox, the store, the shipped regime's parser):
/// applied through the store's own triage writes only from a configured reviewer the tenant vouches for, with a token for
/// that message and action, once; refused with a reply saying why, but never answered when the sender is forged, no
/// reviewer, or an automatic reply; never a report, never triage; and a page read again after the pass stopped before
/// its commit applies nothing twice.
/// </summary>
public sealed class MailActionsIngestTests : IDisposable
{
    private const string Reviewer = "he.zhiqiang@hq.example.com";
    private const string Mailbox = "reports@hq.example.com";

    // The unauthenticated call-center daily (held for acceptance) is 1.eml; the CRM daily (held for triage) is 2.eml.
    private const string Unauthenticated = "1.eml";
    private const string Triaged = "2.eml";

    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));
    private readonly MailActionOptions _options = new() { SigningKey = "k3Jd8s0Qw2mZ7yXv1Lr5Tn9Pb4Hc6Fa0Ge2Uo8Ii4E=", Reviewers = [Reviewer] };
    private readonly MailStore _store;

    public MailActionsIngestTests()
    {
        _store = MailStore.Open(_folder["mailops.db"], _time);
        Eml.Drop(_folder["inbox"], Unauthenticated, Eml.Daily("daily-1@callcenter.example.com").Replace("X-MS-Exchange-Organization-AuthAs: Internal\r\n", "", StringComparison.Ordinal));
        Eml.Drop(_folder["inbox"], Triaged, Eml.CrmDaily("crm-1@cq.example.com"));
    }

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Ingest_ADismissFromAnAuthenticatedReviewer_DismissesThroughTheStore_AuditsTheReviewer_AndConfirms()
    {
        await IngestAsync();
        Drop("a.eml", MailActionKind.Dismiss, Token(MailActionKind.Dismiss, Triaged), body: "重复发送\r\n");

        var counts = await IngestAsync();

        counts.Actions.Should().Be(1);
        var dismissal = _store.Dismissals().Should().ContainSingle().Subject;
        (dismissal.Id, dismissal.By, dismissal.Reason).Should().Be((Triaged, Reviewer, "重复发送"));
        _store.Audit().Should().Contain(a => a.Actor == Reviewer && a.Action == "message-dismissed" && a.Target == Triaged)
            .And.Contain(a => a.Actor == Reviewer && a.Action == "mail-action-applied");
        var reply = Replies().Should().ContainSingle().Subject;
        reply.To.Mailboxes.Single().Address.Should().Be(Reviewer);
        reply.Headers.Contains(ParsingOptions.OwnMailHeader).Should().BeTrue("a copy in the inbox is MailOps's own mail");
        reply.Headers["Auto-Submitted"].Should().Be("auto-generated");
        reply.Subject.Should().StartWith("【MailOps】已执行 / Done");
        var text = reply.TextBody!;
        text.IndexOf("已搁置", StringComparison.Ordinal).Should().BeLessThan(text.IndexOf("dismissed", StringComparison.Ordinal), "Chinese first");
        ActionOutcome("a.eml").Reason.Should().Be(NonMatchReason.MailAction);
        NonMatchReasons.Disposition(NonMatchReason.MailAction).Should().Be(NonMatchDisposition.Quiet);
        Judge().Triage.Select(t => t.MessageId).Should().NotContain("<action-a@hq.example.com>").And.NotContain("<crm-1@cq.example.com>");
    }

    [Fact]
    public async Task Ingest_AnAcceptFromAReviewer_AcceptsTheUnauthenticatedReport_AndTheNextJudgingCountsIt()
    {
        await IngestAsync();
        Judge().Unauthenticated.Should().ContainSingle();
        Drop("a.eml", MailActionKind.Accept, Token(MailActionKind.Accept, Unauthenticated));

        await IngestAsync();

        _store.Outcome(Unauthenticated)!.AcceptedBy.Should().Be(Reviewer);
        _store.Audit().Should().Contain(a => a.Actor == Reviewer && a.Action == "submission-accepted" && a.Detail == "经邮件操作接受 / accept by mail action");
        Judge().Unauthenticated.Should().BeEmpty();
    }

    [Fact]
    public async Task Ingest_APlaceFromAReviewer_CountsTheHeldMessageAsTheObligationItsTokenNames()
    {
        await IngestAsync();
        Drop("a.eml", MailActionKind.Place, Token(MailActionKind.Place, Unauthenticated, "callcenter-daily/callcenter/2026-11-23"));

        await IngestAsync();

        var placed = _store.Outcome(Unauthenticated)!;
        (placed.Matched, placed.Report, placed.Unit, placed.Period, placed.AcceptedBy).Should().Be((true, "callcenter-daily", "callcenter", "2026-11-23", Reviewer));
        _store.Audit().Should().Contain(a => a.Actor == Reviewer && a.Action == "submission-placed");
    }

    [Theory]
    [InlineData("X-MS-Exchange-Organization-AuthAs: Anonymous", "a forged internal From from outside")]
    [InlineData("Authentication-Results: spf=fail (sender IP is 203.0.113.9) smtp.mailfrom=hq.example.com; dkim=none; dmarc=fail action=none header.from=hq.example.com;compauth=fail reason=000", "failing authentication")]
    [InlineData("X-Nothing: vouches", "nothing vouching for it")]
    public async Task Ingest_AReviewersFromNotVouchedFor_IsRefusedUnanswered_AndAudited(string stamp, string because)
    {
        await IngestAsync();
        Drop("a.eml", MailActionKind.Dismiss, Token(MailActionKind.Dismiss, Triaged), stamp: stamp);

        await IngestAsync();

        _store.Dismissals().Should().BeEmpty(because);
        Replies().Should().BeEmpty("a forged sender is never answered (no backscatter)");
        _store.Audit().Should().Contain(a => a.Actor == "mailops" && a.Action == "mail-action-refused" && a.Detail!.Contains("not authenticated"));
        ActionOutcome("a.eml").Reason.Should().Be(NonMatchReason.MailAction);
        Judge().Triage.Select(t => t.MessageId).Should().NotContain("<action-a@hq.example.com>", "an action mail is never a person's task");
    }

    [Fact]
    public async Task Ingest_AnAuthenticatedSenderWhoIsNoReviewer_IsRefusedUnanswered()
    {
        await IngestAsync();
        Drop("a.eml", MailActionKind.Dismiss, Token(MailActionKind.Dismiss, Triaged), from: "luo.yifan@hq.example.com");

        await IngestAsync();

        _store.Dismissals().Should().BeEmpty();
        Replies().Should().BeEmpty();
        _store.Audit().Should().Contain(a => a.Action == "mail-action-refused" && a.Detail!.Contains("is not one of MailOps:Actions:Reviewers"));
    }

    [Fact]
    public async Task Ingest_AnOutOfOfficeReplyCarryingTheSubject_IsNoAction_AndUnanswered()
    {
        await IngestAsync();
        Drop("a.eml", MailActionKind.Dismiss, Token(MailActionKind.Dismiss, Triaged), stamp: "X-MS-Exchange-Organization-AuthAs: Internal\r\nAuto-Submitted: auto-replied", subjectPrefix: "Automatic reply: ");

        await IngestAsync();

        _store.Dismissals().Should().BeEmpty();
        Replies().Should().BeEmpty("no loop with an auto-responder");
        ActionOutcome("a.eml").Reason.Should().Be(NonMatchReason.AutoReply);
    }

    [Fact]
    public async Task Ingest_TheSameTokenInASecondMail_IsANoOp_AnsweredAsAlreadyApplied()
    {
        await IngestAsync();
        var token = Token(MailActionKind.Dismiss, Triaged);
        Drop("a.eml", MailActionKind.Dismiss, token);
        await IngestAsync();
        Drop("b.eml", MailActionKind.Dismiss, token, messageId: "action-b@hq.example.com");

        await IngestAsync();

        _store.Dismissals().Should().ContainSingle();
        _store.Audit().Count(a => a.Action == "message-dismissed").Should().Be(1);
        var replies = Replies();
        replies.Should().HaveCount(2);
        replies.Should().ContainSingle(r => r.Subject!.StartsWith("【MailOps】未执行", StringComparison.Ordinal)).Which.TextBody!.Should().Contain("already applied by " + Reviewer);
        ActionOutcome("b.eml").ReasonDetailEn.Should().Contain("already applied");
    }

    [Fact]
    public async Task Ingest_APageReadAgainAfterThePassStoppedBeforeItsCommit_AppliesNothingTwice()
    {
        await IngestAsync();
        Drop("a.eml", MailActionKind.Dismiss, Token(MailActionKind.Dismiss, Triaged));
        Eml.Drop(_folder["inbox"], "b.eml", Eml.Daily("daily-2@callcenter.example.com", receivedAt: "2026-11-24T20:30:00+08:00"));
        var stopping = new StoppingMailbox(Folder(), stopAt: "b.eml");

        var stopped = () => new Ingestor(stopping, _store, ShippedRegime.Parser, actions: Actions()).IngestAsync(default);

        await stopped.Should().ThrowAsync<MailboxAccessException>("the pass ends inside the page, as a kill would");
        _store.HasSeen("a.eml").Should().BeFalse("the page was not committed");
        _store.Dismissals().Should().ContainSingle("the action was applied with its record");

        var again = await IngestAsync();

        again.Actions.Should().Be(1);
        _store.HasSeen("a.eml").Should().BeTrue();
        _store.Dismissals().Should().ContainSingle();
        _store.Audit().Count(a => a.Action == "message-dismissed").Should().Be(1);
        _store.Audit().Count(a => a.Action is "mail-action-applied" or "mail-action-refused").Should().Be(1);
        Replies().Should().ContainSingle().Which.Subject.Should().StartWith("【MailOps】已执行");
        ActionOutcome("a.eml").ReasonDetailEn.Should().StartWith("mail action applied");
    }

    [Theory]
    [InlineData(MailActionKind.Dismiss, MailActionKind.Accept, 0, "the token was signed for")]
    [InlineData(MailActionKind.Dismiss, MailActionKind.Dismiss, 8, "the token expired")]
    public async Task Ingest_ATokenForAnotherActionOrExpired_IsRefused_AndTheReviewerToldWhy(MailActionKind signed, MailActionKind asked, int daysLater, string why)
    {
        await IngestAsync();
        var token = Token(signed, Triaged);
        _time.Advance(TimeSpan.FromDays(daysLater));
        Drop("a.eml", asked, token);

        await IngestAsync();

        _store.Dismissals().Should().BeEmpty();
        _store.Outcome(Triaged)!.AcceptedBy.Should().BeNull();
        Replies().Should().ContainSingle().Which.TextBody!.Should().Contain(why);
        _store.Audit().Should().Contain(a => a.Actor == Reviewer && a.Action == "mail-action-refused" && a.Detail!.Contains(why));
    }

    [Fact]
    public async Task Ingest_AnActionOnAMessageTheConsoleDismissedMeanwhile_WritesNothingOfTheAction_AndSaysWhy()
    {
        await IngestAsync();
        _store.Dismiss(Triaged, "luo.yifan@hq.example.com", "in the console");
        Drop("a.eml", MailActionKind.Dismiss, Token(MailActionKind.Dismiss, Triaged));

        await IngestAsync();

        _store.Dismissals().Should().ContainSingle().Which.By.Should().Be("luo.yifan@hq.example.com");
        _store.Audit().Should().NotContain(a => a.Action == "mail-action-applied", "the record, the reply and the dismissal are one transaction");
        _store.MailAction("a.eml")!.Applied.Should().BeFalse();
        Replies().Should().ContainSingle().Which.TextBody!.Should().Contain("was dismissed by luo.yifan@hq.example.com");
    }

    [Fact]
    public async Task Ingest_AMailTheMailboxReceivedBeforeTheExpiry_ReadOnlyAfterIt_IsApplied()
    {
        await IngestAsync();
        Drop("a.eml", MailActionKind.Dismiss, Token(MailActionKind.Dismiss, Triaged));
        _time.Advance(_options.TokenLifetime + TimeSpan.FromDays(1));

        await IngestAsync();

        _store.Dismissals().Should().ContainSingle("the reviewer acted in time; MailOps read it late");
    }

    [Fact]
    public async Task Ingest_ATokenForAMessageReceivedLongBeforeItsDigest_IsApplied()
    {
        // Tokens are looked for first among the messages received in the month before they were signed; a digest after
        // a long outage can sign one for an older message, found among every outcome stored.
        await IngestAsync();
        _time.Advance(MailActions.RecentSpan + TimeSpan.FromDays(30));
        Drop("a.eml", MailActionKind.Dismiss, Token(MailActionKind.Dismiss, Triaged));

        await IngestAsync();

        _store.Dismissals().Should().ContainSingle().Which.Id.Should().Be(Triaged);
    }

    [Fact]
    public async Task Ingest_ATokenAltered_IsRefusedAsNotMailOpss()
    {
        await IngestAsync();
        var token = Token(MailActionKind.Dismiss, Triaged);
        var altered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        Drop("a.eml", MailActionKind.Dismiss, altered);

        await IngestAsync();

        _store.Dismissals().Should().BeEmpty();
        Replies().Should().ContainSingle().Which.TextBody!.Should().Contain("was not signed by MailOps");
    }

    [Fact]
    public async Task Ingest_WithActionsOff_AnActionSubjectIsOrdinaryMail()
    {
        await IngestAsync();
        Drop("a.eml", MailActionKind.Dismiss, Token(MailActionKind.Dismiss, Triaged));

        var counts = await new Ingestor(Folder(), _store, ShippedRegime.Parser, actions: Actions(new MailActionOptions())).IngestAsync(default);

        (counts.Actions, counts.Skipped).Should().Be((0, 1));
        _store.Dismissals().Should().BeEmpty();
    }

    private MailActions Actions(MailActionOptions? options = null) =>
        new(options ?? _options, _time, () => ShippedRegime.Regime, new MailboxAddress("MailOps 报送助手", Mailbox));

    private FolderMailbox Folder() => new(new FolderMailboxOptions { Inbox = _folder["inbox"], Outbox = _folder["outbox"], PageSize = 10 }, _time);

    private Task<IngestCounts> IngestAsync() => new Ingestor(Folder(), _store, ShippedRegime.Parser, actions: Actions()).IngestAsync(default);

    private Snapshot Judge() => new Assessor(ShippedRegime.Regime, new AssessmentOptions()).Judge(_store, _time.GetUtcNow());

    private string Token(MailActionKind kind, string messageId, string? obligation = null) =>
        new ActionSigner(_options.KeyBytes).Sign(new ActionGrant(kind, messageId, obligation, _time.GetUtcNow() + _options.TokenLifetime));

    private StoredOutcome ActionOutcome(string id) => _store.Outcome(id) ?? throw new InvalidOperationException($"{id} was not stored");

    private List<MimeMessage> Replies() =>
        [.. _store.Unsent().Where(n => n.Kind == "action").Select(n => MimeMessage.Load(new MemoryStream(n.Mime)))];

    private void Drop(string name, MailActionKind kind, string token, string from = Reviewer, string stamp = "X-MS-Exchange-Organization-AuthAs: Internal", string body = "", string? messageId = null, string subjectPrefix = "") =>
        Eml.Drop(_folder["inbox"], name, $"""
            X-Received-At: {_time.GetUtcNow():O}
            {stamp}
            From: {from}
            To: {Mailbox}
            Subject: {subjectPrefix}{ActionMail.Subject(kind, token)}
            Date: {_time.GetUtcNow():R}
            Message-ID: <{messageId ?? $"action-{name[0]}@hq.example.com"}>
            Content-Type: text/plain; charset=utf-8

            请勿修改主题。请在下一行写明原因（可留空，留空则记为“经邮件操作”）：

            {body}
            """.ReplaceLineEndings("\r\n"));

    // The folder mailbox, refusing MailOps once at one message's fetch: the pass ends inside its page, before the commit.
    private sealed class StoppingMailbox(IMailbox inner, string stopAt) : IMailbox
    {
        private bool _stopped;

        public MailboxIdentity Identity => inner.Identity;

        public Task<MailboxPage> ReadChangesAsync(string? cursor, CancellationToken cancellationToken) => inner.ReadChangesAsync(cursor, cancellationToken);

        public Task<byte[]> FetchMimeAsync(string id, CancellationToken cancellationToken)
        {
            if (id == stopAt && !_stopped)
            {
                _stopped = true;
                throw new MailboxAccessException("stopped here, as a kill would");
            }

            return inner.FetchMimeAsync(id, cancellationToken);
        }

        public Task<string> CreateDraftAsync(OutgoingMail mail, CancellationToken cancellationToken) => inner.CreateDraftAsync(mail, cancellationToken);

        public Task<string> SendDraftAsync(string draftId, CancellationToken cancellationToken) => inner.SendDraftAsync(draftId, cancellationToken);

        public Task<DraftState> DraftStateAsync(string draftId, CancellationToken cancellationToken) => inner.DraftStateAsync(draftId, cancellationToken);
    }
}
