using MailOps.Worker.Mailboxes;
using MailOps.Worker.Mailboxes.Graph;
using MailOps.Worker.Tests.Graph;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailOps.Worker.Tests.Mailboxes;

/// <summary>
/// The contract again with mail in a subfolder found by its path, beside an empty Inbox also watched: a folder with
/// nothing new costs no page, and the one cursor carries both folders' links to a new client.
/// </summary>
public sealed class GraphSubfolderMailboxContractTests : MailboxContractTests
{
    private const string Reports = "Inbox/Reports";
    private readonly List<GraphMailbox> _clients = [];
    private GraphTestServer _server = null!;

    protected override string ExpectedKind => "Graph";

    public override async Task InitializeAsync()
    {
        _server = await GraphTestServer.StartAsync();
        _server.AddFolder(Reports);
    }

    public override async Task DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        await _server.DisposeAsync();
        await base.DisposeAsync();
    }

    private protected override IMailbox Mailbox(int pageSize = 100)
    {
        var options = _server.Options(pageSize);
        options.Folders = ["inbox", Reports];
        var mailbox = new GraphMailbox(options, TimeProvider.System, NullLogger<GraphMailbox>.Instance);
        _clients.Add(mailbox);
        return mailbox;
    }

    protected override string Deliver(int number, string eml) => _server.Deliver(eml, Reports);

    protected override void Remove(string id) => _server.Remove(id);

    protected override int TimesSent(string subject) => _server.SendsBySubject.GetValueOrDefault(subject);
}
