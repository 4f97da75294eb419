using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using MailOps.Compliance.Evaluation;
using MailOps.Worker.Actions;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace MailOps.Worker.Tests.Actions;

/// <summary>
/// From the digest to the judgement, as the running worker beats: the reviewer's digest offers accept on a report held
/// for an unauthenticated sender; the mail its link opens, sent back, is applied at the next beat, which judges the
/// obligation counted and sends the reviewer the confirmation.
/// </summary>
public sealed partial class MailActionsBeatTests : IDisposable
{
    private const string Reviewer = "zhou.min@hq.example.com";
    private const string Obligation = "callcenter-daily/callcenter/2026-11-23";

    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(At("2026-11-24 09:00"));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Beat_TheAcceptMailedFromTheReviewersDigest_CountsTheReportAtTheNextBeat_AndConfirms()
    {
        Eml.Drop(_folder["inbox"], "1.eml", Eml.Daily("daily-1@callcenter.example.com").Replace("X-MS-Exchange-Organization-AuthAs: Internal\r\n", "", StringComparison.Ordinal));
        var mailbox = new FolderMailbox(new FolderMailboxOptions { Inbox = _folder["inbox"], Outbox = _folder["outbox"], SettleTime = TimeSpan.Zero }, _time);
        var actions = new MailActionOptions { SigningKey = "k3Jd8s0Qw2mZ7yXv1Lr5Tn9Pb4Hc6Fa0Ge2Uo8Ii4E=", Reviewers = [Reviewer] };
        using var harness = PulseHarness.Start(_folder["mailops.db"], _time, mailbox, actions: actions);

        var first = await harness.BeatAsync();
        Status(first.Snapshot).Should().NotBe(ObligationStatus.OnTime, "the report is held for its unauthenticated sender");
        var digest = MimeMessage.Load(new MemoryStream(harness.Store.Notification($"digest/2026-11-24/{Reviewer}")!.Mime));
        var accept = WebUtility.HtmlDecode(MailtoHref().Matches(digest.HtmlBody!).Select(m => m.Groups[1].Value).Single(h => h.Contains("%20accept%20", StringComparison.Ordinal)));
        var subject = Uri.UnescapeDataString(Regex.Match(accept, "subject=([^&]*)").Groups[1].Value);
        Eml.Drop(_folder["inbox"], "2.eml", $"""
            X-Received-At: {_time.GetUtcNow():O}
            X-MS-Exchange-Organization-AuthAs: Internal
            From: {Reviewer}
            To: reports@hq.example.com
            Subject: {subject}
            Date: {_time.GetUtcNow():R}
            Message-ID: <accept-1@hq.example.com>
            Content-Type: text/plain; charset=utf-8

            已电话确认是本人发送
            """.ReplaceLineEndings("\r\n"));
        _time.Advance(TimeSpan.FromMinutes(5));

        var second = await harness.BeatAsync();

        Status(second.Snapshot).Should().Be(ObligationStatus.OnTime, "received 20:40, before its 21:00 deadline, and now accepted");
        harness.Store.Outcome("1.eml")!.AcceptedBy.Should().Be(Reviewer);
        harness.Store.Audit().Should().Contain(a => a.Actor == Reviewer && a.Action == "submission-accepted" && a.Detail == "已电话确认是本人发送");
        harness.Store.Notification("action/2.eml")!.SentAt.Should().NotBeNull("the confirmation goes out in the same beat");
    }

    private static ObligationStatus Status(MailOps.Worker.Assessment.Snapshot snapshot) => snapshot.Results.Single(r => r.Obligation.Key == Obligation).Status;

    [GeneratedRegex("href=\"(mailto:[^\"]*)\"")]
    private static partial Regex MailtoHref();

    private static DateTimeOffset At(string local) =>
        DateTimeOffset.ParseExact($"{local} +08:00", "yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
}
