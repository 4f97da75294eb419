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

    /// <summary>The same options with relative folders made absolute against <paramref name="root"/>.</summary>
    public FolderMailboxOptions RootedAt(string root) => new()
    {
        Inbox = Path.GetFullPath(Inbox, root),
        Outbox = Path.GetFullPath(Outbox, root),
        Address = Address,
        SettleTime = SettleTime,
        PageSize = PageSize,
    };
}

/// <summary>Checks <see cref="FolderMailboxOptions"/> at start-up, naming each bad setting by its key.</summary>
internal sealed class FolderMailboxOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<FolderMailboxOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, FolderMailboxOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Inbox))
        {
            failures.Add($"{FolderMailboxOptions.Section}:Inbox is empty; it must name a folder.");
        }

        if (string.IsNullOrWhiteSpace(options.Outbox))
        {
            failures.Add($"{FolderMailboxOptions.Section}:Outbox is empty; it must name a folder.");
        }

        if (options.PageSize is < 1 or > 1000)
        {
            failures.Add($"{FolderMailboxOptions.Section}:PageSize {options.PageSize} must be from 1 to 1000.");
        }

        if (options.SettleTime < TimeSpan.Zero || options.SettleTime > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{FolderMailboxOptions.Section}:SettleTime {options.SettleTime} must be from 0 to 10 minutes.");
        }

        return failures.Count == 0 ? Microsoft.Extensions.Options.ValidateOptionsResult.Success : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(failures);
    }
}
