namespace MailOps.Worker.Mailboxes;

/// <summary>The embedded default mailbox (section <c>MailOps:Mailbox:Folder</c>): folders of .eml files.</summary>
public sealed class FolderMailboxOptions
{
    public const string Section = "MailOps:Mailbox:Folder";

    /// <summary>Where incoming mail is read from; default <c>data/inbox</c>.</summary>
    public string Inbox { get; set; } = "data/inbox";

    /// <summary>Where sent mail is written; default <c>data/outbox</c>.</summary>
    public string Outbox { get; set; } = "data/outbox";

    /// <summary>The address the folder mailbox stands for; default <c>reports@hq.example.com</c>.</summary>
    public string Address { get; set; } = "reports@hq.example.com";

    /// <summary>A file written to less than this long ago may still be being written and is left for the next read; default 2 seconds.</summary>
    public TimeSpan SettleTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Messages per page; default 100.</summary>
    public int PageSize { get; set; } = 100;
}
