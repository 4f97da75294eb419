using MailOps.Worker.Mailboxes;
using MailOps.Worker.Tests.Support;
using MimeKit;

namespace MailOps.Worker.Tests.Mailboxes;

public sealed class FolderMailboxContractTests : MailboxContractTests
{
    protected override string ExpectedKind => "Folder";

    private protected override IMailbox Mailbox(int pageSize = 100) =>
        new FolderMailbox(new FolderMailboxOptions { Inbox = Folder["inbox"], Outbox = Folder["outbox"], PageSize = pageSize }, Time);

    protected override string Deliver(int number, string eml)
    {
        var name = $"{number:0000}.eml";
        Eml.Drop(Folder["inbox"], name, eml);
        return name;
    }

    protected override void Remove(string id) => File.Delete(Path.Combine(Folder["inbox"], id));

    protected override int TimesSent(string subject) =>
        Directory.Exists(Folder["outbox"])
            ? Directory.GetFiles(Folder["outbox"], "*.eml").Count(f => MimeMessage.Load(f).Subject == subject)
            : 0;
}
