using LiteDB;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Store;

/// <summary>The store, through LiteDB on a real file.</summary>
public sealed class MailStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    private MailStore Open() => MailStore.Open(_folder["mailops.db"], _time);

    private static StoredMessage Message(string id, string messageId = "<m@example.com>") => new()
    {
        Id = id,
        InternetMessageId = messageId,
        From = "chen.xue@callcenter.example.com",
        Received = new DateTimeOffset(2026, 11, 23, 20, 40, 0, TimeSpan.FromHours(8)),
        SecondKey = StoredMessage.SecondKeyOf(messageId, "chen.xue@callcenter.example.com", new DateTimeOffset(2026, 11, 23, 20, 40, 0, TimeSpan.FromHours(8))),
    };

    private static StoredOutcome Outcome(string id) => new() { Id = id, MessageId = "<m@example.com>", Matched = true, Report = "callcenter-daily", Unit = "callcenter", Period = "2026-11-23" };

    [Fact]
    public void TryRecord_TheSameIdTwice_StoresItOnce()
    {
        using var store = Open();

        store.TryRecord(Message("a"), Outcome("a")).Should().BeTrue();
        store.TryRecord(Message("a"), Outcome("a")).Should().BeFalse();

        store.MessageCount.Should().Be(1);
        store.AllOutcomes().Should().ContainSingle().Which.Period.Should().Be("2026-11-23");
    }

    [Fact]
    public void HasSeenSame_FindsACopyUnderAnotherIdByItsSecondKey()
    {
        using var store = Open();
        store.TryRecord(Message("a"), Outcome("a"));

        store.HasSeenSame(Message("b")).Should().BeTrue();
        store.HasSeenSame(Message("c", "<other@example.com>")).Should().BeFalse();
    }

    [Fact]
    public void Everything_SurvivesClosingAndOpening()
    {
        using (var store = Open())
        {
            store.TryRecord(Message("a"), Outcome("a"));
            store.SaveCursor("Folder:reports@hq.example.com", "m.eml");
            store.TryQueue("nudge/k", "nudge", [1, 2, 3]);
        }

        using var reopened = Open();
        reopened.HasSeen("a").Should().BeTrue();
        reopened.Cursor("Folder:reports@hq.example.com").Should().Be("m.eml");
        reopened.Notification("nudge/k")!.Mime.Should().Equal(1, 2, 3);
        reopened.SchemaVersion.Should().Be(StoreSchema.Latest);
    }

    [Fact]
    public void LastQueued_IsTheNewestOfItsKind_FoundFromTheNewestByTheQueuedAtIndex()
    {
        using var store = Open();
        store.TryQueue("digest/2026-11-23/a", "digest", [1]);
        _time.Advance(TimeSpan.FromHours(1));
        store.TryQueue("nudge/x/a", "nudge", [2]);
        _time.Advance(TimeSpan.FromHours(1));
        store.TryQueue("digest/2026-11-24/a", "digest", [3]);
        _time.Advance(TimeSpan.FromHours(1));
        store.TryQueue("nudge/y/a", "nudge", [4]);

        store.LastQueued("digest").Should().Be(_time.GetUtcNow().AddHours(-1));
        store.LastQueued("monthly").Should().BeNull();
        var plan = store.LastQueuedPlan("digest");
        plan["index"]["expr"].AsString.Should().Be("$.QueuedAt", "three years of sent mail must not be read through to find the last digest: {0}", plan);
        plan["index"]["order"].AsInt32.Should().Be(-1, "walked from the newest: {0}", plan);
    }

    [Fact]
    public void LastQueued_LeavesOutADigestDroppedUnsent_SoWhatItHeldIsInTheNextOne()
    {
        using var store = Open();
        store.TryQueue("digest/2026-11-23/a", "digest", [1]);
        var first = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromDays(1));
        store.TryQueue("digest/2026-11-24/a", "digest", [2]);
        store.RecordExpired("digest/2026-11-24/a", _time.GetUtcNow());

        store.LastQueued("digest").Should().Be(first);
    }

    [Fact]
    public void Known_APage_IsWhatTheStoreHoldsOfIt_ByIdByPendingFetchAndByKey()
    {
        using var store = Open();
        store.TryRecord(Message("stored", "<stored@example.com>"), null);
        store.RecordFetchFailure(new MailboxMessageInfo("pending", "<pending@example.com>", "a@example.com", "s", _time.GetUtcNow()), "timeout");
        var copy = Message("copy-under-another-id", "<stored@example.com>");
        var page = new[] { Message("stored", "<stored@example.com>"), Message("pending", "<pending@example.com>"), copy, Message("new", "<new@example.com>") };

        var known = store.Known(page);

        known.Has("stored").Should().BeTrue();
        known.Has("pending").Should().BeTrue("a message waiting for its fetch is not taken again from the page");
        known.Has("new").Should().BeFalse();
        known.HasSame(copy).Should().BeTrue("the same Message-ID from the same sender is stored under another id");
        known.HasSame(Message("new", "<new@example.com>")).Should().BeFalse();
    }

    [Fact]
    public void TryQueue_AKeyAlreadyQueued_QueuesNothing()
    {
        using var store = Open();

        store.TryQueue("digest/2026-11-24/cs@hq.example.com", "digest", [1]).Should().BeTrue();
        store.TryQueue("digest/2026-11-24/cs@hq.example.com", "digest", [2]).Should().BeFalse();

        store.Unsent().Should().ContainSingle().Which.Mime.Should().Equal(1);
    }

    [Fact]
    public void RecordDraftThenSent_LeavesNothingUnsentAndAnAuditTrail()
    {
        using var store = Open();
        store.TryQueue("k", "nudge", [1]);

        store.RecordDraft("k", "draft-1");
        _time.Advance(TimeSpan.FromSeconds(3));
        store.RecordSent("k", "sent-1");

        store.Notification("k")!.Should().Match<StoredNotification>(n => n.DraftId == "draft-1" && n.SentId == "sent-1" && n.SentAt == _time.GetUtcNow());
        store.Unsent().Should().BeEmpty();
        store.Audit().Select(a => a.Action).Should().Equal("notification-queued", "notification-drafted", "notification-sent");
    }

    [Fact]
    public void AddManualEntry_IsAuditedUnderItsAuthor()
    {
        using var store = Open();

        store.AddManualEntry(new StoredManualEntry { Kind = "wrong", Unit = "cq-crm", ObligationKey = "crm-monthly/cq-crm/2026-11", EffectiveDate = "2026-11-30", Points = 5, Reason = "数据与周报不符", Author = "李娜" });

        store.AllManualEntries().Should().ContainSingle().Which.Reason.Should().Be("数据与周报不符");
        store.Audit().Should().ContainSingle().Which.Should().Match<AuditRecord>(a => a.Actor == "李娜" && a.Action == "manual-entry" && a.Target == "crm-monthly/cq-crm/2026-11");
    }

    private static StoredManualEntry Wrong() =>
        new() { Kind = "wrong", Unit = "cq-crm", ObligationKey = "crm-monthly/cq-crm/2026-11", EffectiveDate = "2026-11-30", Points = 5, Reason = "数据与周报不符", Author = "李娜" };

    [Fact]
    public void RevokeManualEntry_KeepsTheEntryWithWhoRevokedItWhenAndWhy_AndAuditsIt()
    {
        using var store = Open();
        var id = store.AddManualEntry(Wrong());
        _time.Advance(TimeSpan.FromHours(1));

        var revoked = store.RevokeManualEntry(id, "周敏", "核实后数据无误");

        revoked.Should().Match<StoredManualEntry>(e => e.Id == id && e.RevokedBy == "周敏" && e.RevokeReason == "核实后数据无误" && e.RevokedAt == _time.GetUtcNow());
        var kept = store.AllManualEntries().Should().ContainSingle().Subject;
        kept.Should().BeEquivalentTo(new { Id = id, Kind = "wrong", Points = 5, Reason = "数据与周报不符", Author = "李娜", RevokedBy = "周敏", RevokeReason = "核实后数据无误" });
        kept.RevokedAt.Should().Be(_time.GetUtcNow());
        store.Audit().Select(a => (a.Actor, a.Action, a.Target)).Should().Equal(
            ("李娜", "manual-entry", "crm-monthly/cq-crm/2026-11"),
            ("周敏", "manual-entry-revoked", "crm-monthly/cq-crm/2026-11"));
        store.Audit()[^1].Detail.Should().Be($"entry {id} (wrong 5): 核实后数据无误");
    }

    [Fact]
    public void RevokeManualEntry_ThatDoesNotExist_IsRefusedNamingTheEntry()
    {
        using var store = Open();
        store.AddManualEntry(Wrong());

        var revoke = () => store.RevokeManualEntry(7, "周敏", "r");

        revoke.Should().Throw<StoreException>().WithMessage("there is no entry 7: the entries recorded are 1 to 1.");
        store.Audit().Should().ContainSingle("nothing is written");
    }

    [Fact]
    public void RevokeManualEntry_AlreadyRevoked_IsRefusedNamingTheEntryAndItsRevocation()
    {
        using var store = Open();
        var id = store.AddManualEntry(Wrong());
        store.RevokeManualEntry(id, "周敏", "核实后数据无误");

        var again = () => store.RevokeManualEntry(id, "唐建国", "again");

        again.Should().Throw<StoreException>().WithMessage($"entry {id} (wrong crm-monthly/cq-crm/2026-11) was already revoked by 周敏 at 2026-11-24 02:00:00 UTC: 核实后数据无误");
        store.AllManualEntries().Single().RevokedBy.Should().Be("周敏", "the first revocation stands");
        store.Audit().Should().HaveCount(2);
    }

    [Fact]
    public void Open_AnOldFile_MigratesItForward()
    {
        using (var old = new LiteDatabase(_folder["mailops.db"]))
        {
            old.GetCollection("messages").Insert(new BsonDocument { ["_id"] = "a", ["SecondKey"] = "k" });
        }

        using var store = Open();

        store.SchemaVersion.Should().Be(StoreSchema.Latest);
        store.HasSeen("a").Should().BeTrue();
    }

    [Fact]
    public void Open_AFileFromANewerMailOps_IsRefusedNamingTheFile()
    {
        using (var newer = new LiteDatabase(_folder["mailops.db"]))
        {
            newer.UserVersion = 99;
        }

        var open = () => Open();

        open.Should().Throw<StoreException>().WithMessage($"{_folder["mailops.db"]}: the store is at schema version 99, newer than this MailOps knows*");
    }

    [Fact]
    public void Backup_WhileOpen_IsAConsistentStoreOfEverythingSoFar()
    {
        using var store = Open();
        store.TryRecord(Message("a"), Outcome("a"));
        store.TryQueue("k", "nudge", [1]);

        store.Backup(_folder["backup/mailops-2026-11-24.db"]);
        store.TryRecord(Message("b", "<b@example.com>"), Outcome("b"));

        using var copy = MailStore.Open(_folder["backup/mailops-2026-11-24.db"], _time);
        copy.HasSeen("a").Should().BeTrue();
        copy.HasSeen("b").Should().BeFalse("it came after the snapshot");
        copy.Notification("k").Should().NotBeNull();
    }

    [Fact]
    public void TryRecord_KeysOfAnyLength_AreStoredAndFoundAgain()
    {
        using var store = Open();
        var longId = "<" + new string('x', 1100) + "@callcenter.example.com>";
        var longFrom = new string('陈', 400) + " <chen.xue@callcenter.example.com>";
        var message = Message(new string('i', 600), longId);
        message.From = longFrom;
        message.SecondKey = StoredMessage.SecondKeyOf(longId, longFrom, message.Received);
        message.SenderMessageKey = StoredMessage.SenderMessageKeyOf(longId, longFrom);

        store.TryRecord(message, Outcome(new string('i', 600))).Should().BeTrue();

        store.HasSeen(new string('i', 600)).Should().BeTrue();
        store.HasSeenSame(message).Should().BeTrue();
        store.Outcome(new string('i', 600))!.Period.Should().Be("2026-11-23");
        store.AllOutcomes().Should().ContainSingle();
    }

    [Fact]
    public void HasSeenSame_TheSameMessageIdFromTheSameSender_ReceivedAgainLater_IsTheSameMessage()
    {
        using var store = Open();
        var first = Message("a");
        first.SenderMessageKey = StoredMessage.SenderMessageKeyOf(first.InternetMessageId, "陈雪 <chen.xue@callcenter.example.com>");
        store.TryRecord(first, Outcome("a"));

        var redelivered = Message("b");
        redelivered.SecondKey = StoredMessage.SecondKeyOf(redelivered.InternetMessageId, redelivered.From, redelivered.Received.AddHours(3));
        redelivered.SenderMessageKey = StoredMessage.SenderMessageKeyOf("<M@example.com>", "Chen.Xue@callcenter.example.com");
        var otherSender = Message("c");
        otherSender.SecondKey = StoredMessage.SecondKeyOf(otherSender.InternetMessageId, "x@outside.example.net", otherSender.Received);
        otherSender.SenderMessageKey = StoredMessage.SenderMessageKeyOf(otherSender.InternetMessageId, "x@outside.example.net");

        store.HasSeenSame(redelivered).Should().BeTrue("the same Message-ID from the same address is one message, whatever its display name or case");
        store.HasSeenSame(otherSender).Should().BeFalse("a Message-ID is only the sender's to repeat");
    }

    [Theory]
    [InlineData("empty", 0, "exists but is empty (0 bytes)")]
    [InlineData("truncated", 8192 * 3 + 100, "is truncated (24676 bytes")]
    public void Open_AnExistingFileThatIsNotAWholeStore_IsRefused_NamingTheFileAndTheWayBack(string what, int keep, string says)
    {
        using (var store = Open())
        {
            store.TryQueue("digest/2026-11-23/cs-dl@hq.example.com", "digest", [1, 2, 3]);
            store.Backup(StoreBackups.PathFor(store.Path, new DateOnly(2026, 11, 23)));
        }

        var bytes = File.ReadAllBytes(_folder["mailops.db"]);
        File.WriteAllBytes(_folder["mailops.db"], bytes[..Math.Min(keep, bytes.Length)]);

        var open = () => Open();

        open.Should().Throw<StoreException>(what)
            .Which.Message.Should().StartWith(_folder["mailops.db"]).And.Contain(says)
            .And.Contain(StoreBackups.PathFor(_folder["mailops.db"], new DateOnly(2026, 11, 23)), "the newest backup is the way back");
        new FileInfo(_folder["mailops.db"]).Length.Should().Be(Math.Min(keep, bytes.Length), "a refused file is left as it was");
    }

    [Fact]
    public void Open_AFileThatIsNotAStoreAtAll_IsRefused_SayingNoBackupWasFound()
    {
        File.WriteAllBytes(_folder["mailops.db"], new byte[8192]);

        var open = () => Open();

        open.Should().Throw<StoreException>().WithMessage($"{_folder["mailops.db"]}: the file is not a MailOps store (no LiteDB header)*No backup was found*");
    }

    [Fact]
    public void Open_ASchemaOneStore_RekeysLongSecondKeys_AndGivesEveryMessageItsThirdKey()
    {
        var longKey = "<" + new string('y', 300) + ">|chen.xue@callcenter.example.com|2026-11-23T12:40:00.0000000+00:00";
        using (var old = new LiteDatabase(_folder["mailops.db"]))
        {
            old.GetCollection("messages").Insert(new BsonDocument { ["_id"] = "a", ["SecondKey"] = longKey, ["InternetMessageId"] = "<m@example.com>", ["From"] = "chen.xue@callcenter.example.com", ["Received"] = "2026-11-23T20:40:00.0000000+08:00" });
            old.UserVersion = 1;
        }

        using var store = Open();

        var again = Message("b");
        again.SecondKey = StoredMessage.SecondKeyOf("<" + new string('y', 300) + ">", "chen.xue@callcenter.example.com", new DateTimeOffset(2026, 11, 23, 12, 40, 0, TimeSpan.Zero));
        store.HasSeenSame(again).Should().BeTrue("the long second key written before is found by its hash");
        var redelivered = Message("c");
        redelivered.SecondKey = "other";
        redelivered.SenderMessageKey = StoredMessage.SenderMessageKeyOf("<m@example.com>", "chen.xue@callcenter.example.com");
        store.HasSeenSame(redelivered).Should().BeTrue("the message stored before has its third key");
    }

    [Fact]
    public void RotateBackups_TakesOneADay_AndKeepsTheNewest()
    {
        using var store = Open();
        for (var day = 1; day <= 5; day++)
        {
            StoreBackups.Rotate(store, new DateOnly(2026, 11, day), keep: 3).Should().NotBeNull();
            StoreBackups.Rotate(store, new DateOnly(2026, 11, day), keep: 3).Should().BeNull("one backup a day");
        }

        StoreBackups.All(store.Path).Select(Path.GetFileName).Should().Equal("mailops-2026-11-05.db", "mailops-2026-11-04.db", "mailops-2026-11-03.db");
        using var restored = MailStore.Open(StoreBackups.Newest(store.Path)!, _time);
        restored.SchemaVersion.Should().Be(StoreSchema.Latest);
    }

    [Fact]
    public void AbandonedDatabase_SeesLiteDbsOpenTransactions_SoAFailedCommitsFinalizerCannotEndTheProcess()
    {
        using var db = new LiteDatabase(_folder["probe.db"]);
        db.BeginTrans();
        db.GetCollection("probe").Insert(new BsonDocument { ["_id"] = 1 });

        AbandonedDatabase.SeesTransactions(db).Should().BeTrue("LiteDB keeps its transactions where AbandonedDatabase looks; after an upgrade, look again");
        db.Rollback();
    }
}
