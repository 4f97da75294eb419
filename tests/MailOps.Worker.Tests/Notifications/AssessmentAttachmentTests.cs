using System.Globalization;
using MailOps.Worker.Assessment;
using MailOps.Worker.Notifications;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Support;
using MailOps.Worker.Web;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace MailOps.Worker.Tests.Notifications;

/// <summary>
/// The monthly and the quarterly mails carry their assessment as the 考核表 workbook, queued by the notifier the
/// worker uses over the sample month and read back from the stored MIME: the very file <c>mailops export</c> writes
/// at the same instant, named in Chinese with RFC 2231 parameters.
/// </summary>
public sealed class AssessmentAttachmentTests : IDisposable
{
    private const string Recipient = "cs-dl@hq.example.com";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("monthly", "2026-11", "--month", "2026-12-10 09:00")]
    [InlineData("quarterly", "2026-Q4", "--quarter", "2027-01-11 09:00")]
    public async Task Queue_OnTheResultsDay_TheMailCarriesTheExportsWorkbook(string kind, string period, string option, string local)
    {
        var at = DateTimeOffset.ParseExact($"{local} +08:00", "yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
        var mime = await QueueOnTheSampleMonthAsync(at, $"{kind}/{period}/{Recipient}");
        var export = await Support.Cli.RunAsync(Settings(), new FakeTimeProvider(at), "export", option, period, "--out", _folder["export.xlsx"]);

        export.ExitCode.Should().Be(0, export.Error);
        var message = MimeMessage.Load(new MemoryStream(mime));
        var attachment = message.Attachments.OfType<MimePart>().Should().ContainSingle().Subject;
        attachment.FileName.Should().Be($"考核表-{period}.xlsx");
        attachment.ContentType.MimeType.Should().Be(AssessmentWorkbook.ContentType);
        attachment.ContentDisposition!.IsAttachment.Should().BeTrue();
        var headers = System.Text.Encoding.ASCII.GetString(mime);
        headers.Should().Contain("filename*=utf-8''%E8%80%83%E6%A0%B8%E8%A1%A8-", "the name is written as RFC 2231 parameters")
            .And.Contain("name*=utf-8''%E8%80%83%E6%A0%B8%E8%A1%A8-");
        message.HtmlBody.Should().NotBeNullOrEmpty("the attachment goes beside the mail's own text, not instead of it");

        using var workbook = new MemoryStream();
        await attachment.Content!.DecodeToAsync(workbook);
        foreach (var sheet in new[] { AssessmentWorkbook.SummarySheet, AssessmentWorkbook.FaultSheet })
        {
            workbook.Position = 0;
            var attached = Workbooks.Rows(workbook, sheet);
            attached.Should().BeEquivalentTo(Workbooks.Rows(_folder["export.xlsx"], sheet), o => o.WithStrictOrdering(), "sheet {0} is the export's, cell by cell", sheet);
            attached.Skip(4).Should().NotBeEmpty();
        }

        mime.Length.Should().BeLessThan(256 * 1024, "the store keeps every queued mail's MIME");
    }

    [Fact]
    public async Task Queue_AgainAfterTheMonthlyWentOut_QueuesNoSecondMailWithANewerWorkbook()
    {
        var at = new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.FromHours(8));
        var key = $"monthly/2026-11/{Recipient}";
        var first = await QueueOnTheSampleMonthAsync(at, key);

        using var store = MailStore.Open(_folder["mailops.db"], new FakeTimeProvider(at.AddHours(2)));
        var again = Notifier().Queue(store, Judge(store, at.AddHours(2)), []);

        again.Monthly.Should().Be(0);
        store.Notification(key)!.Mime.Should().Equal(first, "the mail under its key is the one queued first");
    }

    private async Task<byte[]> QueueOnTheSampleMonthAsync(DateTimeOffset at, string key)
    {
        var time = new FakeTimeProvider(Support.Cli.Now);
        using var store = MailStore.Open(_folder["mailops.db"], time);
        await SampleMonth.IngestAsync(store, _folder, time);
        time.SetUtcNow(at);
        Notifier().Queue(store, Judge(store, at), []);
        return store.Notification(key)?.Mime ?? throw new InvalidOperationException($"nothing was queued under {key}");
    }

    private static Notifier Notifier() =>
        new(ShippedRegime.Regime, ShippedSettings.Notifications(), ShippedSettings.Assessment(), new TemplateRenderer(ShippedSettings.Templates), "reports@hq.example.com");

    private static Snapshot Judge(MailStore store, DateTimeOffset at) => new Assessor(ShippedRegime.Regime, ShippedSettings.Assessment()).Judge(store, at);

    private Dictionary<string, string?> Settings() => new()
    {
        ["MailOps:Store:Path"] = _folder["mailops.db"],
        ["MailOps:Mailbox:Folder:Inbox"] = _folder["inbox"],
        ["MailOps:Mailbox:Folder:Outbox"] = _folder["outbox"],
    };
}
