using System.Diagnostics;
using MailOps.Worker.Ingest;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Mailboxes.Graph;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Graph;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Mailboxes.Graph;

/// <summary>What the Graph mailbox does beyond the contract: the requests it makes, throttling, resync, refusals.</summary>
public sealed class GraphMailboxTests : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly List<GraphMailbox> _clients = [];
    private GraphTestServer _server = null!;

    public async Task InitializeAsync() => _server = await GraphTestServer.StartAsync();

    public async Task DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        await _server.DisposeAsync();
    }

    public void Dispose() => _folder.Dispose();

    private GraphMailbox Mailbox(Func<GraphMailboxOptions, GraphMailboxOptions>? change = null)
    {
        var options = _server.Options(pageSize: 2);
        var mailbox = new GraphMailbox(change?.Invoke(options) ?? options, TimeProvider.System, NullLogger<GraphMailbox>.Instance);
        _clients.Add(mailbox);
        return mailbox;
    }

    private static async Task<List<MailboxMessage>> ReadAll(GraphMailbox mailbox, string? cursor = null)
    {
        var all = new List<MailboxMessage>();
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
    public async Task ReadChanges_AsksOnlyForTheMetadata_WithImmutableIdsThePageSizeAndTheStartDate()
    {
        _server.Deliver(Eml.Daily("a@callcenter.example.com"));

        var cursor = (await Mailbox().ReadChangesAsync(null, default)).Cursor;

        var query = Uri.UnescapeDataString(_server.LastInitialDeltaQuery!);
        query.Should().Contain("$select=id,internetMessageId,subject,from,receivedDateTime")
            .And.Contain("$filter=receivedDateTime ge 2026-10-31T16:00:00Z");
        FolderCursor.Parse(cursor).LinkOf("inbox").Should().StartWith(_server.BaseUrl).And.Contain("$deltatoken=");
        _server.Count("without-immutable-id").Should().Be(0);
    }

    [Fact]
    public async Task ReadChanges_MailReceivedBeforeTheStartDate_IsNotRead()
    {
        _server.Deliver(Eml.Daily("old@callcenter.example.com", receivedAt: "2026-10-15T09:00:00+08:00"));
        var recent = _server.Deliver(Eml.Daily("recent@callcenter.example.com"));

        (await ReadAll(Mailbox())).Select(m => m.Id).Should().Equal(recent);
    }

    [Fact]
    public async Task ReadChanges_AMessageDeletedAfterTheFirstRound_IsReportedRemoved()
    {
        var id = _server.Deliver(Eml.Daily("a@callcenter.example.com"));
        var caughtUp = await Mailbox().ReadChangesAsync(null, default);
        _server.Remove(id);

        var next = await Mailbox().ReadChangesAsync(caughtUp.Cursor, default);

        next.Messages.Should().ContainSingle().Which.Should().Match<MailboxMessage>(m => m.Id == id && m.Removed);
    }

    [Fact]
    public async Task ReadChanges_ADeltaLinkGraphHasForgotten_StartsAgainFromTheStartDate_AndTheStoreCountsNothingTwice()
    {
        for (var i = 0; i < 5; i++)
        {
            _server.Deliver(Eml.Daily($"d{i}@callcenter.example.com", receivedAt: $"2026-11-2{i}T20:40:00+08:00"));
        }

        using var store = MailStore.Open(_folder["mailops.db"], new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero)));
        var first = await new Ingestor(Mailbox(), store, ShippedRegime.Parser).IngestAsync(default);
        _server.ForgetSyncStates();
        _server.Deliver(Eml.Daily("late@callcenter.example.com", receivedAt: "2026-11-25T20:40:00+08:00"));

        var second = await new Ingestor(Mailbox(), store, ShippedRegime.Parser).IngestAsync(default);

        _server.Count("gone").Should().Be(1, "the stored delta link was answered 410 SyncStateNotFound once");
        (first.Parsed, second.Parsed).Should().Be((5, 1), "the resync reads all six again, and only the new one is stored");
        store.MessageCount.Should().Be(6);
        store.AllOutcomes().Select(o => o.MessageId).Should().OnlyHaveUniqueItems().And.HaveCount(6);
    }

    [Fact]
    public async Task ReadChanges_SeveralFolders_ReadsEachFromItsOwnDeltaLink_AndANewClientGoesOnFromTheCursor()
    {
        _server.AddFolder("Inbox/Reports");
        _server.AddFolder("Projects/2026");
        var inInbox = _server.Deliver(Eml.Daily("a@callcenter.example.com"));
        var inReports = Enumerable.Range(0, 3).Select(i => _server.Deliver(Eml.Daily($"r{i}@callcenter.example.com"), "Inbox/Reports")).ToList();
        var inProjects = _server.Deliver(Eml.Daily("p@callcenter.example.com"), "Projects/2026");
        var outside = _server.Deliver(Eml.Daily("o@callcenter.example.com"), "archive");
        GraphMailboxOptions Watching(GraphMailboxOptions o)
        {
            o.Folders = ["inbox", "Inbox/Reports", "Projects/2026"];
            return o;
        }

        var pages = new List<MailboxPage>();
        string? cursor = null;
        do
        {
            pages.Add(await Mailbox(Watching).ReadChangesAsync(cursor, default));
            cursor = pages[^1].Cursor;
        }
        while (pages[^1].More);
        var later = _server.Deliver(Eml.Daily("later@callcenter.example.com", receivedAt: "2026-11-24T09:00:00+08:00"), "Inbox/Reports");
        var next = await ReadAll(Mailbox(Watching), cursor);

        pages.Select(p => p.Messages.Count).Should().Equal([1, 2, 1, 1], "a page is one folder's, two at a time");
        pages.SelectMany(p => p.Messages).Select(m => m.Id).Should().Equal([inInbox, .. inReports, inProjects]).And.NotContain(outside);
        next.Select(m => m.Id).Should().Equal(later);
        FolderCursor.Parse(cursor).Links.Should().HaveCount(3);
    }

    [Fact]
    public async Task ReadChanges_AFolderPath_IsResolvedOnceByEachClient()
    {
        _server.AddFolder("Projects/2026/Reports");
        _server.Deliver(Eml.Daily("a@callcenter.example.com"), "Projects/2026/Reports");
        var mailbox = Mailbox(o => { o.Folders = ["Projects/2026/Reports"]; return o; });

        var first = await ReadAll(mailbox);
        await ReadAll(mailbox, (await mailbox.ReadChangesAsync(null, default)).Cursor);

        first.Should().ContainSingle();
        _server.Count("folder").Should().Be(3, "one childFolders request per step of the path, the first time only");
    }

    [Fact]
    public async Task ReadChanges_TheDeprecatedFolderSetting_IsStillTheWatchedFolder()
    {
        _server.AddFolder("Inbox/Reports");
        var id = _server.Deliver(Eml.Daily("a@callcenter.example.com"), "Inbox/Reports");
        _server.Deliver(Eml.Daily("b@callcenter.example.com"));

        (await ReadAll(Mailbox(o => { o.Folder = "Inbox/Reports"; return o; }))).Select(m => m.Id).Should().Equal(id);
    }

    [Fact]
    public async Task ReadChanges_AFolderGivenByItsId_IsRead()
    {
        var folder = _server.AddFolder("Reports");
        var id = _server.Deliver(Eml.Daily("a@callcenter.example.com"), "Reports");

        (await ReadAll(Mailbox(o => { o.Folders = [folder]; return o; }))).Select(m => m.Id).Should().Equal(id);
    }

    [Theory]
    [InlineData("a misspelt subfolder", "Inbox/Reprots", "has no folder \"Reprots\" in \"Inbox\", which holds the folders \"Done\", \"Reports\"")]
    [InlineData("a top-level folder that is not there", "Projects/2026", "has no folder \"Projects\" in the top of the mailbox, which holds the folders \"Archive\", \"Deleted Items\", \"Drafts\", \"Inbox\", \"Sent Items\"")]
    [InlineData("a deeper step that is not there", "Inbox/Reports/2025", "has no folder \"2025\" in \"Inbox/Reports\", which holds no folders")]
    public async Task ReadChanges_AFolderThatDoesNotExist_RefusesNamingTheKeyAndTheFolder(string label, string path, string says)
    {
        _server.AddFolder("Inbox/Reports");
        _server.AddFolder("Inbox/Done");

        var act = () => Mailbox(o => { o.Folders = ["inbox", path]; return o; }).ReadChangesAsync(null, default);

        (await act.Should().ThrowAsync<MailboxAccessException>(label)).Which.Message.Should()
            .StartWith($"MailOps:Mailbox:Graph:Folders \"{path}\": {GraphTestServer.Mailbox} ").And.Contain(says);
        _server.Count("delta").Should().Be(0, "no folder is read before every folder is found");
    }

    [Fact]
    public async Task Ingest_AMessageMovedBetweenTwoWatchedFolders_IsCountedOnce()
    {
        _server.AddFolder("Inbox/Reports");
        var id = _server.Deliver(Eml.Daily("moved@callcenter.example.com"));
        using var store = MailStore.Open(_folder["mailops.db"], new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero)));
        GraphMailbox Watching() => Mailbox(o => { o.Folders = ["inbox", "Inbox/Reports"]; return o; });
        var first = await new Ingestor(Watching(), store, ShippedRegime.Parser).IngestAsync(default);

        _server.Move(id, "Inbox/Reports");
        var seen = await ReadAll(Watching(), store.Cursor(Ingestor.CursorKeyOf(Watching())));
        var second = await new Ingestor(Watching(), store, ShippedRegime.Parser).IngestAsync(default);

        seen.Should().Contain(m => m.Id == id && m.Removed, "the Inbox reports it gone")
            .And.Contain(m => m.Id == id && !m.Removed, "Reports reports it arrived, under the same immutable id");
        (first.Parsed, second.Stored).Should().Be((1, 0));
        store.MessageCount.Should().Be(1);
    }

    [Fact]
    public async Task Ingest_ACursorFromTheSingleFolderVersion_StartsEveryFolderAgain_AndCountsNothingTwice()
    {
        _server.Deliver(Eml.Daily("a@callcenter.example.com"));
        using var store = MailStore.Open(_folder["mailops.db"], new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero)));
        await new Ingestor(Mailbox(), store, ShippedRegime.Parser).IngestAsync(default);
        var bare = FolderCursor.Parse(store.Cursor(Ingestor.CursorKeyOf(Mailbox()))).LinkOf("inbox");
        store.SaveCursor(Ingestor.CursorKeyOf(Mailbox()), bare!);

        var again = await new Ingestor(Mailbox(), store, ShippedRegime.Parser).IngestAsync(default);

        (again.Stored, store.MessageCount).Should().Be((0, 1));
        FolderCursor.Parse(store.Cursor(Ingestor.CursorKeyOf(Mailbox()))).LinkOf("inbox").Should().Contain("$deltatoken=");
    }

    [Fact]
    public async Task Requests_ThrottledWith429And503_WaitWhatRetryAfterSaysAndSucceed()
    {
        var id = _server.Deliver(Eml.Daily("a@callcenter.example.com"));
        _server.Faults = GraphFaults.None with { RetryAfter = TimeSpan.FromSeconds(1) };
        _server.FailNext(GraphFault.Throttle, GraphFault.Unavailable);
        var clock = Stopwatch.StartNew();

        var messages = await ReadAll(Mailbox());

        messages.Select(m => m.Id).Should().Equal(id);
        clock.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(1.9), "each Retry-After: 1 was waited out");
        (_server.Count("fault:429"), _server.Count("fault:503"), _server.Count("delta")).Should().Be((1, 1, 3));
    }

    [Fact]
    public async Task Requests_ADroppedConnection_IsAnUnavailableMailboxForTheNextPass()
    {
        _server.Deliver(Eml.Daily("a@callcenter.example.com"));
        _server.FailNext(GraphFault.Drop);

        var act = () => Mailbox().ReadChangesAsync(null, default);

        (await act.Should().ThrowAsync<MailboxUnavailableException>()).Which.Should().BeAssignableTo<IOException>();
        (await ReadAll(Mailbox())).Should().ContainSingle("the next pass reads normally");
    }

    [Fact]
    public async Task Requests_NeverMoreInFlightThanMaxConcurrency()
    {
        var ids = Enumerable.Range(0, 12).Select(i => _server.Deliver(Eml.Daily($"c{i}@callcenter.example.com"))).ToList();
        _server.Faults = GraphFaults.None with { Latency = TimeSpan.FromMilliseconds(100) };
        var mailbox = Mailbox(o => { o.MaxConcurrency = 2; return o; });

        await Task.WhenAll(ids.Select(id => mailbox.FetchMimeAsync(id, default)));

        _server.MaxInFlight.Should().Be(2);
    }

    [Theory]
    [InlineData(403, "ErrorAccessDenied", "Access to OData is disabled.", "OData")]
    [InlineData(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.", "ErrorAccessDenied")]
    public async Task Requests_RefusedByPolicyOrPermission_TellTheAdministratorWhatToGrant(int status, string code, string message, string named)
    {
        _server.Refuse = (status, code, message);

        var act = () => Mailbox().ReadChangesAsync(null, default);

        (await act.Should().ThrowAsync<MailboxAccessException>()).Which.Message.Should()
            .Contain(named).And.Contain("Mail.ReadWrite").And.Contain("Mail.Send")
            .And.Contain("New-ManagementScope").And.Contain("New-ManagementRoleAssignment").And.Contain("Test-ServicePrincipalAuthorization");
    }

    [Fact]
    public async Task Requests_WithATokenGraphRefuses_SayWhichSettingsToCheck()
    {
        var act = () => Mailbox(o => { o.TestToken = "expired"; return o; }).FetchMimeAsync("x", default);

        (await act.Should().ThrowAsync<MailboxAccessException>()).Which.Message.Should().Contain("401").And.Contain("TenantId").And.Contain("ClientId");
    }
}
