using System.Text;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Mailboxes;

public sealed class FolderMailboxTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    private FolderMailbox Mailbox(int pageSize = 100) =>
        new(new FolderMailboxOptions { Inbox = _folder["inbox"], Outbox = _folder["outbox"], PageSize = pageSize }, _time);

    private static async Task<List<MailboxMessage>> ReadAll(FolderMailbox mailbox)
    {
        var all = new List<MailboxMessage>();
        string? cursor = null;
        MailboxPage page;
        do
        {
            page = await mailbox.ReadChangesAsync(cursor, default);
            all.AddRange(page.Messages);
            cursor = page.Cursor;
        }
        while (page.More);

        return all;
    }

    [Fact]
    public async Task ReadChanges_InPages_ReportsEveryMessageOnceInNameOrder()
    {
        foreach (var name in new[] { "c.eml", "a.eml", "e.eml", "b.eml", "d.eml" })
        {
            Eml.Drop(_folder["inbox"], name, Eml.Daily(name));
        }

        var messages = await ReadAll(Mailbox(pageSize: 2));

        messages.Select(m => m.Id).Should().Equal("a.eml", "b.eml", "c.eml", "d.eml", "e.eml");
        messages[0].InternetMessageId.Should().Be("<a.eml>");
        messages[0].From.Should().Be("chen.xue@callcenter.example.com");
    }

    [Fact]
    public async Task ReadChanges_IgnoresFilesThatAreNotYetWhole()
    {
        Eml.Drop(_folder["inbox"], "a.eml.tmp", Eml.Daily("a"));
        File.WriteAllText(_folder["inbox/b.eml"], Eml.Daily("b"));
        _time.SetUtcNow(new DateTimeOffset(File.GetLastWriteTimeUtc(_folder["inbox/b.eml"]), TimeSpan.Zero).AddSeconds(1));

        (await ReadAll(Mailbox())).Should().BeEmpty("a .tmp name is not a message, and b.eml was written a second ago");

        _time.Advance(TimeSpan.FromSeconds(2));
        (await ReadAll(Mailbox())).Select(m => m.Id).Should().Equal("b.eml");
    }

    [Fact]
    public async Task ReadChanges_AfterCatchingUp_StartsAgainSoALateFileWithAnyNameIsSeen()
    {
        Eml.Drop(_folder["inbox"], "m.eml", Eml.Daily("m"));
        var mailbox = Mailbox();
        var first = await mailbox.ReadChangesAsync(null, default);
        Eml.Drop(_folder["inbox"], "a.eml", Eml.Daily("a"));

        var second = await mailbox.ReadChangesAsync(first.Cursor, default);

        second.Messages.Select(m => m.Id).Should().Contain("a.eml");
    }

    /// <summary>Reads passes until one reports nothing new, as the ingestor does beat after beat; returns the last cursor.</summary>
    private static async Task<string> CatchUp(FolderMailbox mailbox, string? cursor = null)
    {
        MailboxPage page;
        do
        {
            page = await mailbox.ReadChangesAsync(cursor, default);
            cursor = page.Cursor;
        }
        while (page.More || page.Messages.Count > 0);

        return cursor;
    }

    [Fact]
    public async Task ReadChanges_APassWithNothingNew_OpensNoFile()
    {
        Eml.Drop(_folder["inbox"], "a.eml", Eml.Daily("a"));
        Eml.Drop(_folder["inbox"], "b.eml", Eml.Daily("b"));
        var mailbox = Mailbox(pageSize: 1);
        var cursor = await CatchUp(mailbox);

        // Same size, same write time, other bytes: a mailbox that opened the file would report it (or fail on it).
        var path = _folder["inbox/a.eml"];
        var written = File.GetLastWriteTimeUtc(path);
        File.WriteAllBytes(path, new byte[new FileInfo(path).Length]);
        File.SetLastWriteTimeUtc(path, written);
        var again = await mailbox.ReadChangesAsync(cursor, default);

        again.Messages.Should().BeEmpty("a pass with nothing new touches only the directory listing");
        again.More.Should().BeFalse();
    }

    [Fact]
    public async Task ReadChanges_AFolderUnchangedSinceItsLastListing_IsNotListedAgain_TillFiveMinutesHavePassed()
    {
        Eml.Drop(_folder["inbox"], "a.eml", Eml.Daily("a"));
        var folderWritten = Directory.GetLastWriteTimeUtc(_folder["inbox"]);
        _time.SetUtcNow(new DateTimeOffset(folderWritten).AddSeconds(10));
        var mailbox = Mailbox();
        var cursor = await CatchUp(mailbox);

        // A file the listing would find, in a folder whose write time did not move (as no file system leaves it).
        Eml.Drop(_folder["inbox"], "b.eml", Eml.Daily("b"));
        Directory.SetLastWriteTimeUtc(_folder["inbox"], folderWritten);
        var quiet = await mailbox.ReadChangesAsync(cursor, default);
        quiet.Messages.Should().BeEmpty("a folder whose write time has not moved had no file added, renamed or removed, so it is not listed");

        _time.Advance(TimeSpan.FromMinutes(5));
        var later = await mailbox.ReadChangesAsync(quiet.Cursor, default);
        later.Messages.Select(m => m.Id).Should().Equal(["b.eml"], "the folder is listed at least every five minutes whatever its write time says");
    }

    [Fact]
    public async Task ReadChanges_APageTheReaderDidNotStore_IsReadAgainAtOnce_ThoughTheFolderDidNotChange()
    {
        Eml.Drop(_folder["inbox"], "a.eml", Eml.Daily("a"));
        var mailbox = Mailbox();
        _time.SetUtcNow(new DateTimeOffset(Directory.GetLastWriteTimeUtc(_folder["inbox"])).AddSeconds(10));
        var caughtUp = await CatchUp(mailbox);
        Eml.Drop(_folder["inbox"], "b.eml", Eml.Daily("b"));
        _time.SetUtcNow(new DateTimeOffset(Directory.GetLastWriteTimeUtc(_folder["inbox"])).AddSeconds(10));

        var handed = await mailbox.ReadChangesAsync(caughtUp, default);
        handed.Messages.Select(m => m.Id).Should().Equal(["b.eml"]);

        // The reader failed to store that page and comes back with the cursor before it.
        var again = await mailbox.ReadChangesAsync(caughtUp, default);
        again.Messages.Select(m => m.Id).Should().Equal(["b.eml"], "a page the reader did not store is read again, not five minutes later");
    }

    [Fact]
    public async Task ReadChanges_AFileLeftUnsettled_IsReadAtTheNextPass_ThoughTheFolderDidNotChange()
    {
        Eml.Drop(_folder["inbox"], "a.eml", Eml.Daily("a"));
        var written = Directory.GetLastWriteTimeUtc(_folder["inbox"]).AddMinutes(-1);
        File.WriteAllText(_folder["inbox/b.eml"], Eml.Daily("b"));
        File.SetLastWriteTimeUtc(_folder["inbox/b.eml"], written);
        Directory.SetLastWriteTimeUtc(_folder["inbox"], written.AddSeconds(-10));
        _time.SetUtcNow(new DateTimeOffset(written).AddSeconds(1));
        var mailbox = Mailbox();

        var first = await mailbox.ReadChangesAsync(null, default);
        first.Messages.Select(m => m.Id).Should().Equal(["a.eml"], "b.eml was written a second ago");

        _time.Advance(TimeSpan.FromSeconds(2));
        var second = await mailbox.ReadChangesAsync(first.Cursor, default);
        second.Messages.Select(m => m.Id).Should().Equal(["b.eml"], "a pass that left a file unsettled lists the folder again");
    }

    [Fact]
    public async Task ReadChanges_AFolderWrittenJustBeforeItWasListed_IsListedAgain()
    {
        Eml.Drop(_folder["inbox"], "a.eml", Eml.Daily("a"));
        var folderWritten = Directory.GetLastWriteTimeUtc(_folder["inbox"]);
        _time.SetUtcNow(new DateTimeOffset(folderWritten).AddSeconds(1));
        var mailbox = Mailbox();
        var cursor = await CatchUp(mailbox);

        // Within a coarse file system's time resolution a second file can leave the folder's time where it was.
        Eml.Drop(_folder["inbox"], "b.eml", Eml.Daily("b"));
        Directory.SetLastWriteTimeUtc(_folder["inbox"], folderWritten);
        var again = await mailbox.ReadChangesAsync(cursor, default);

        again.Messages.Select(m => m.Id).Should().Equal(["b.eml"], "a listing made within two seconds of the folder's write time vouches for nothing");
    }

    [Fact]
    public async Task ReadChanges_ByANewInstanceToldWhatTheReaderStored_ReportsOnlyWhatItLacks_OpeningNoOtherFile()
    {
        foreach (var name in new[] { "a.eml", "b.eml", "c.eml" })
        {
            Eml.Drop(_folder["inbox"], name, Eml.Daily(name));
        }

        // What a restarted worker finds: a.eml and c.eml stored before. Other bytes in a.eml: opened, it would be
        // reported (without metadata).
        var path = _folder["inbox/a.eml"];
        File.WriteAllBytes(path, new byte[new FileInfo(path).Length]);
        var asked = new List<string>();
        var mailbox = Mailbox(pageSize: 1);
        mailbox.KnowStored(ids =>
        {
            asked.AddRange(ids);
            return ids.Where(id => id is "a.eml" or "c.eml").ToHashSet();
        });

        var messages = await ReadAll(mailbox);

        messages.Select(m => m.Id).Should().Equal(["b.eml"], "what the reader stored is not reported again");
        asked.Should().BeEquivalentTo(["a.eml", "b.eml", "c.eml"], "each name is asked about once, not once per page");
        (await mailbox.ReadChangesAsync(null, default)).Messages.Should().BeEmpty("b.eml is reported once, then remembered");
    }

    [Fact]
    public async Task ReadChanges_AFileThatCannotBeOpened_IsReportedWithoutMetadata_AndTheRestIsRead()
    {
        Eml.Drop(_folder["inbox"], "a.eml", Eml.Daily("a"));
        Eml.Drop(_folder["inbox"], "c.eml", Eml.Daily("c"));
        // A name that lists as a file but cannot be opened (as another user's 0600 file would be, which root could
        // read): a Unix socket, which open() refuses.
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        socket.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(_folder["inbox/b.eml"]));
        File.SetLastWriteTimeUtc(_folder["inbox/b.eml"], new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));

        var messages = await ReadAll(Mailbox());

        messages.Select(m => m.Id).Should().Contain(["a.eml", "c.eml"], "one unreadable file never stops the pass");
        messages.Should().ContainSingle(m => m.Id == "b.eml").Which.Should().Match<MailboxMessage>(m => m.InternetMessageId == null && m.Subject == null, "the store remembers it, its fetch fails, and it is held for a person");
    }

    [Fact]
    public async Task ReadChanges_AFileChangedSinceItWasReported_IsReportedAgain()
    {
        Eml.Drop(_folder["inbox"], "a.eml", Eml.Daily("a"));
        var mailbox = Mailbox();
        var cursor = await CatchUp(mailbox);

        Eml.Drop(_folder["inbox"], "a.eml", Eml.Daily("a-rewritten"));
        var again = await mailbox.ReadChangesAsync(cursor, default);

        again.Messages.Select(m => m.InternetMessageId).Should().Equal("<a-rewritten>");
    }

    [Fact]
    public async Task ReadChanges_APageTheReaderDidNotStore_IsReadAgain()
    {
        foreach (var name in new[] { "a.eml", "b.eml", "c.eml" })
        {
            Eml.Drop(_folder["inbox"], name, Eml.Daily(name));
        }

        var mailbox = Mailbox(pageSize: 2);
        var first = await mailbox.ReadChangesAsync(null, default);

        // The reader failed to store the first page and asks again from where it stood before it.
        var retried = await mailbox.ReadChangesAsync(null, default);
        var rest = await mailbox.ReadChangesAsync(retried.Cursor, default);

        first.Messages.Select(m => m.Id).Should().Equal("a.eml", "b.eml");
        retried.Messages.Select(m => m.Id).Should().Equal("a.eml", "b.eml");
        rest.Messages.Select(m => m.Id).Should().Equal("c.eml");
        (await mailbox.ReadChangesAsync(rest.Cursor, default)).Messages.Should().BeEmpty();
    }

    [Theory]
    [InlineData("X-Received-At: 2026-11-23T20:40:00+08:00\r\nDate: Mon, 23 Nov 2026 20:00:00 +0800\r\n", "2026-11-23T20:40:00+08:00")]
    [InlineData("X-Received-At: 2026-11-23T20:40:00\r\nDate: Mon, 23 Nov 2026 20:00:00 +0800\r\n", "2026-11-23T20:00:00+08:00")]
    [InlineData("\uFEFFX-Received-At: 2026-11-23T20:40:00+08:00\r\nDate: Mon, 23 Nov 2026 20:00:00 +0800\r\n", "2026-11-23T20:40:00+08:00")]
    [InlineData("Received: from a by b; Mon, 23 Nov 2026 20:30:00 +0800\r\nDate: Mon, 23 Nov 2026 20:00:00 +0800\r\n", "2026-11-23T20:30:00+08:00")]
    [InlineData("Date: Mon, 23 Nov 2026 20:00:00 +0800\r\n", "2026-11-23T20:00:00+08:00")]
    [InlineData("", "2026-11-01T00:00:00+00:00")]
    public async Task ReadChanges_ReceivedInstant_IsTheHeaderThenTheDateThenTheWriteTime(string headers, string expected)
    {
        Eml.Drop(_folder["inbox"], "m.eml", headers + "Subject: x\r\n\r\nbody\r\n");

        var message = (await ReadAll(Mailbox())).Single();

        message.Received.Should().Be(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ReadChanges_AFileThatIsNoMessage_IsReportedWithoutMetadataAndDoesNotBlockTheRest()
    {
        Eml.Drop(_folder["inbox"], "a.eml", "\u0000\u0001 not: a [message\r\n\r\n");
        Eml.Drop(_folder["inbox"], "b.eml", Eml.Daily("b"));

        var messages = await ReadAll(Mailbox());

        messages.Select(m => m.Id).Should().Equal("a.eml", "b.eml");
    }

    [Fact]
    public async Task ReadChanges_AGbkSubject_IsReadAsChinese()
    {
        var gbk = System.Text.Encoding.GetEncoding("GBK");
        var bytes = gbk.GetBytes("Subject: 呼叫中心信息日报\r\nFrom: a@example.com\r\n\r\nbody\r\n");
        Directory.CreateDirectory(_folder["inbox"]);
        File.WriteAllBytes(_folder["inbox/m.eml"], bytes);
        File.SetLastWriteTimeUtc(_folder["inbox/m.eml"], new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));

        (await ReadAll(Mailbox())).Single().Subject.Should().Be("呼叫中心信息日报");
    }

    [Fact]
    public async Task Send_TwoKeysThatCleanAlike_AreTwoFiles()
    {
        var mailbox = Mailbox();

        var a = await mailbox.SendAsync(new OutgoingMail("nudge/a+b@x.example.com", [1]), default);
        var b = await mailbox.SendAsync(new OutgoingMail("nudge/a_b@x.example.com", [2]), default);

        a.Should().NotBe(b);
        Directory.GetFiles(_folder["outbox"]).Should().HaveCount(2);
    }

    [Fact]
    public async Task FetchMime_GivesTheFilesBytes_AndRefusesPathsOutsideTheInbox()
    {
        Eml.Drop(_folder["inbox"], "m.eml", Eml.Daily("m"));
        var mailbox = Mailbox();

        (await mailbox.FetchMimeAsync("m.eml", default)).Should().Equal(File.ReadAllBytes(_folder["inbox/m.eml"]));
        await mailbox.Invoking(m => m.FetchMimeAsync("../secret.eml", default)).Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task Send_WritesTheMessageOnceUnderItsKey()
    {
        var mailbox = Mailbox();
        var mail = new OutgoingMail("digest/2026-11-24/cs@hq.example.com", Encoding.ASCII.GetBytes("Subject: digest\r\n\r\nhello\r\n"));

        var first = await mailbox.SendAsync(mail, default);
        var again = await mailbox.SendAsync(mail with { Mime = Encoding.ASCII.GetBytes("Subject: other\r\n\r\n") }, default);

        first.Should().Be(again).And.StartWith("digest_2026-11-24_cs_hq.example.com-").And.EndWith(".eml");
        Directory.GetFiles(_folder["outbox"]).Should().ContainSingle();
        File.ReadAllText(_folder[$"outbox/{first}"]).Should().Contain("Subject: digest");
    }
}
