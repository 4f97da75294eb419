using MailOps.Worker.Ingest;
using MailOps.Worker.Mailboxes.Graph;
using MailOps.Worker.Store;
using MailOps.Worker.Tests.Graph;
using MailOps.Worker.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Ingest;

/// <summary>Whatever is logged while a message is ingested says which message: its Message-ID and the mailbox's id for it.</summary>
public sealed class IngestorLogScopeTests : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));
    private readonly ScopedLogs _logs = new();
    private readonly ILoggerFactory _factory;
    private GraphTestServer _server = null!;

    public IngestorLogScopeTests() => _factory = LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));

    public async Task InitializeAsync() => _server = await GraphTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _factory.Dispose();
        _folder.Dispose();
    }

    private async Task<IngestCounts> IngestAsync(MailStore store)
    {
        using var mailbox = new GraphMailbox(_server.Options(), _time, _factory.CreateLogger<GraphMailbox>());
        return await new Ingestor(mailbox, store, ShippedRegime.Parser, logger: _factory.CreateLogger<Ingestor>()).IngestAsync(default);
    }

    [Fact]
    public async Task Ingest_AFetchThatFails_IsLoggedInsideTheScopeOfItsMessage()
    {
        _server.Deliver(Eml.Daily("fine@callcenter.example.com"));
        var failing = _server.Deliver(Eml.Daily("unfetchable@callcenter.example.com", receivedAt: "2026-11-23T21:00:00+08:00"));
        _server.RefuseMime(failing);
        using var store = MailStore.Open(_folder["mailops.db"], _time);

        var counts = await IngestAsync(store);

        counts.FetchFailures.Should().Be(1);
        var line = _logs.Lines.Should().ContainSingle(l => l.Message.Contains("could not be fetched", StringComparison.Ordinal)).Which;
        line.Level.Should().Be(LogLevel.Warning);
        line.ScopeValues.Should().Contain("MessageId", "<unfetchable@callcenter.example.com>").And.Contain("MailboxId", failing);
        line.Scopes.Should().Contain(s => s.Contains("<unfetchable@callcenter.example.com>", StringComparison.Ordinal), "a console or journal line shows it too");
    }

    [Fact]
    public async Task Ingest_AFetchTriedAgainAtTheNextPass_IsLoggedInsideTheScopeOfItsMessage()
    {
        var failing = _server.Deliver(Eml.Daily("retried@callcenter.example.com"));
        _server.RefuseMime(failing);
        using var store = MailStore.Open(_folder["mailops.db"], _time);
        await IngestAsync(store);

        await IngestAsync(store);

        _logs.Lines.Where(l => l.Message.Contains("could not be fetched", StringComparison.Ordinal)).Should().HaveCount(2)
            .And.OnlyContain(l => Equals(l.ScopeValues["MessageId"], "<retried@callcenter.example.com>") && Equals(l.ScopeValues["MailboxId"], failing));
    }

    [Fact]
    public async Task Ingest_LinesBetweenMessages_CarryNoMessage()
    {
        _server.Deliver(Eml.Daily("a@callcenter.example.com"));
        _server.ForgetSyncStates();
        using var store = MailStore.Open(_folder["mailops.db"], _time);
        await IngestAsync(store);
        _server.ForgetSyncStates();

        await IngestAsync(store);

        _logs.Lines.Should().ContainSingle(l => l.Message.Contains("no longer knows the delta link", StringComparison.Ordinal))
            .Which.ScopeValues.Should().NotContainKey("MessageId", "reading a page is no one message's doing");
    }
}
