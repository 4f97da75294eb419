using System.Collections;
using System.Reflection;
using LiteDB;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Store;

/// <summary>
/// The store's lookups over a long-running process. LiteDB compiles every expression text it is given and keeps it
/// for the life of the process (a static cache in <see cref="BsonExpression"/>, never emptied); its <c>Query</c>
/// helpers write the values into that text, so a lookup by a page's ids kept one more compiled expression, with its
/// values, at every page: a worker restarted over 50,000 files held 797 MiB, 409 MiB without them. The store's lookups keep
/// their values as parameters, so however many pages it reads, the texts are the same few; and they still go
/// through the indexes, and match exactly what they name.
/// </summary>
public sealed class StoreQueryTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(SampleMonth.Morning);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Lookups_WithNewValuesEachTime_LeaveLiteDbsCompiledExpressionsAsTheyWere()
    {
        using var store = MailStore.Open(_folder["mailops.db"], _time);
        await SampleMonth.IngestAsync(store, _folder, _time);
        for (var page = 1; page <= 40; page++)
        {
            LookUpEverything(store, page);
        }

        CompiledExpressions().Where(text => text.Contains("page-", StringComparison.Ordinal)).Should().BeEmpty("a lookup's values are parameters, never part of a compiled text LiteDB keeps");
    }

    [Fact]
    public void In_Equal_AtLeast_AndMayStartWith_AreAnsweredThroughTheIndex()
    {
        using var db = new LiteDatabase(":memory:");
        var messages = db.GetCollection<StoredMessage>("messages");
        messages.EnsureIndex(m => m.SecondKey);
        messages.InsertBulk(Enumerable.Range(0, 200).Select(i => new StoredMessage { Id = $"m{i}", SecondKey = $"k{i}" }));

        var byIds = messages.Query().Where(StoreQuery.In("_id", ["m1", "m7"])).GetPlan();
        var byKeys = messages.Query().Where(StoreQuery.In(nameof(StoredMessage.SecondKey), ["k3", "k4", "nothing"])).GetPlan();
        var byKey = messages.Query().Where(StoreQuery.Equal(nameof(StoredMessage.SecondKey), "k9")).GetPlan();

        byIds["index"]["mode"].AsString.Should().StartWith("INDEX SEEK(_id IN");
        byKeys["index"]["mode"].AsString.Should().StartWith("INDEX SEEK(SecondKey IN");
        byKey["index"]["mode"].AsString.Should().StartWith("INDEX SEEK(SecondKey =");
        messages.EnsureIndex(m => m.Received);
        messages.Query().Where(StoreQuery.AtLeast(nameof(StoredMessage.Received), "2026-11-01")).GetPlan()["index"]["mode"].AsString.Should().StartWith("INDEX SCAN(Received >=");
        messages.Find(StoreQuery.In(nameof(StoredMessage.SecondKey), ["k3", "k4", "nothing"])).Select(m => m.Id).Should().BeEquivalentTo(["m3", "m4"]);
        messages.Find(StoreQuery.In("_id", [])).Should().BeEmpty("no values is no match, not every document");
        messages.Query().Where(StoreQuery.MayStartWith("_id", "m1")).GetPlan()["index"]["mode"].AsString.Should().StartWith("INDEX").And.Contain("(_id LIKE");
    }

    [Fact]
    public void NotificationsFor_AKeyWithLikeWildcards_FindsOnlyThatKeysMail()
    {
        using var store = MailStore.Open(_folder["mailops.db"], _time);
        store.TryQueue("nudge/crm-monthly/u_1/2026-11/a@example.com", "nudge", [1]).Should().BeTrue();
        store.TryQueue("nudge/crm-monthly/uX1/2026-11/a@example.com", "nudge", [2]).Should().BeTrue();
        store.TryQueue("overdue/crm-monthly/u%1/2026-11/a@example.com", "overdue", [3]).Should().BeTrue();

        store.NotificationsFor("crm-monthly/u_1/2026-11").Select(n => n.Id).Should().Equal("nudge/crm-monthly/u_1/2026-11/a@example.com");
        store.NotificationsFor("crm-monthly/u%1/2026-11").Select(n => n.Id).Should().Equal("overdue/crm-monthly/u%1/2026-11/a@example.com");
    }

    [Fact]
    public async Task StoredOrPending_NamesTheMailboxIdsStoredOrWaitingForAFetch_LongIdsIncluded()
    {
        using var store = MailStore.Open(_folder["mailops.db"], _time);
        await SampleMonth.IngestAsync(store, _folder, _time);
        var longId = new string('x', 600) + ".eml";
        store.RecordPage([(new StoredMessage { Id = longId, SecondKey = "second/long", Received = SampleMonth.Morning }, null)]);
        var stored = store.MessagesById(store.AllOutcomes().Take(3).Select(o => o.Id)).Values.Select(m => m.MailboxId!).ToList();

        var found = store.StoredOrPending([.. stored, longId, "never-seen.eml"]);

        found.Should().BeEquivalentTo([.. stored, longId], "an id longer than an index key is found by its hash, and one never stored is not");
    }

    [Fact]
    public async Task StoredOrPending_OfANameDifferingOnlyInLetterCase_NamesOnlyExactIds()
    {
        // LiteDB compares text without case: a lookup for report.eml finds Report.eml, which was not asked about.
        using var store = MailStore.Open(_folder["mailops.db"], _time);
        await SampleMonth.IngestAsync(store, _folder, _time);
        store.RecordPage([(new StoredMessage { Id = "Report.eml", SecondKey = "second/report", Received = SampleMonth.Morning }, null)]);

        var found = store.StoredOrPending(["report.eml", "Report.eml"]);

        found.Should().BeEquivalentTo(["Report.eml"]);
    }

    // One page's worth of every lookup the worker and the console make with values, each value new at every page.
    private static void LookUpEverything(MailStore store, int page)
    {
        var ids = Enumerable.Range(0, 20).Select(i => $"page-{page}-message-{i}").ToList();
        store.Known([.. ids.Select(id => new StoredMessage { Id = id, MailboxId = id, SecondKey = $"second/{id}", SenderMessageKey = $"sender/{id}" })]);
        store.MessagesById(ids);
        store.OutcomesById(ids);
        store.OutcomesOf("crm-monthly", $"unit-{page}", "2026-11");
        store.OutcomesReceivedFrom(SampleMonth.Morning.AddDays(-page));
        store.NotificationsFor($"crm-monthly/unit-{page}/2026-11");
        store.AuditOf([$"crm-monthly/unit-{page}/2026-11", .. ids]);
    }

    // The texts LiteDB has compiled and keeps (other test classes add theirs meanwhile: only this test's values count).
    private static List<string> CompiledExpressions()
    {
        var cache = typeof(BsonExpression).GetField("_cacheScalar", BindingFlags.Static | BindingFlags.NonPublic)?.GetValue(null) as IDictionary;
        cache.Should().NotBeNull("this test reads LiteDB's compiled-expression cache (BsonExpression._cacheScalar); if a LiteDB upgrade renamed it, find its new name");
        return [.. cache!.Keys.Cast<string>()];
    }
}
