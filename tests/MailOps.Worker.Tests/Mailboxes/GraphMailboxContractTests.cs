using MailOps.Worker.Mailboxes;
using MailOps.Worker.Mailboxes.Graph;
using MailOps.Worker.Tests.Graph;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailOps.Worker.Tests.Mailboxes;

public sealed class GraphMailboxContractTests : MailboxContractTests
{
    private readonly List<GraphMailbox> _clients = [];
    private GraphTestServer _server = null!;

    protected override string ExpectedKind => "Graph";

    public override async Task InitializeAsync() => _server = await GraphTestServer.StartAsync();

    public override async Task DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        await _server.DisposeAsync();
        await base.DisposeAsync();
    }

    private protected override IMailbox Mailbox(int pageSize = 100)
    {
        var mailbox = new GraphMailbox(_server.Options(pageSize), TimeProvider.System, NullLogger<GraphMailbox>.Instance);
        _clients.Add(mailbox);
        return mailbox;
    }

    protected override string Deliver(int number, string eml) => _server.Deliver(eml);

    protected override void Remove(string id) => _server.Remove(id);

    protected override int TimesSent(string subject) => _server.SendsBySubject.GetValueOrDefault(subject);
}
