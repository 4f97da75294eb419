using System.Globalization;
using MimeKit;
using MimeKit.Utils;

namespace MailOps.Worker.Mailboxes;

/// <summary>
/// A mailbox of folders: every <c>*.eml</c> file of the inbox is a message whose id is its file name, and sent
/// mail is written to the outbox as <c>{key}.eml</c>. A file still being written is never read: only names
/// ending in <c>.eml</c> count (write to another name, then rename) and a file changed within
/// <see cref="FolderMailboxOptions.SettleTime"/> waits for the next read. Each read walks the inbox in name
/// order from the cursor (the last name returned) and starts again from the top once it has caught up, so a
/// file dropped in at any time, whatever its name or time stamp, is reported; the store drops repeats by id.
/// The received instant is the file's <c>X-Received-At</c> header, else its <c>Date</c> header, else its
/// last write time.
/// </summary>
internal sealed class FolderMailbox(FolderMailboxOptions options, TimeProvider time) : IMailbox
{
    public const string ReceivedAtHeader = "X-Received-At";

    public MailboxIdentity Identity { get; } = new("Folder", options.Address);

    public Task<MailboxPage> ReadChangesAsync(string? cursor, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.Inbox);
        var settledBefore = time.GetUtcNow() - options.SettleTime;
        var names = Directory.EnumerateFiles(options.Inbox, "*.eml", SearchOption.TopDirectoryOnly)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => cursor is null || string.CompareOrdinal(name, cursor) > 0)
            .Order(StringComparer.Ordinal)
            .ToList();

        var messages = new List<MailboxMessage>();
        string? last = null;
        foreach (var name in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.Combine(options.Inbox, name);
            var info = new FileInfo(path);
            if (!info.Exists || info.LastWriteTimeUtc > settledBefore.UtcDateTime)
            {
                // Still being written (or gone): stop here, so the cursor does not pass it.
                break;
            }

            messages.Add(Describe(name, info));
            last = name;
            if (messages.Count == options.PageSize)
            {
                break;
            }
        }

        var more = last is not null && names.Count > messages.Count && messages.Count == options.PageSize;
        return Task.FromResult(new MailboxPage(messages, more ? last! : "", more));
    }

    public async Task<byte[]> FetchMimeAsync(string id, CancellationToken cancellationToken)
    {
        if (id.Contains('/', StringComparison.Ordinal) || id.Contains('\\', StringComparison.Ordinal) || id.StartsWith('.'))
        {
            throw new ArgumentException($"\"{id}\" is not a message of the folder mailbox.", nameof(id));
        }

        return await File.ReadAllBytesAsync(Path.Combine(options.Inbox, id), cancellationToken).ConfigureAwait(false);
    }

    public async Task<string> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.Outbox);
        var name = SafeName(mail.IdempotencyKey) + ".eml";
        var target = Path.Combine(options.Outbox, name);
        if (File.Exists(target))
        {
            return name;
        }

        // Written beside, then renamed: a reader of the outbox never sees half a message, and a crash leaves
        // only a temporary file that the next send of the same key replaces.
        var temporary = Path.Combine(options.Outbox, $".{name}.tmp");
        await File.WriteAllBytesAsync(temporary, mail.Mime, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, target, overwrite: false);
        return name;
    }

    private static MailboxMessage Describe(string name, FileInfo info)
    {
        using var stream = info.OpenRead();
        var headers = HeaderList.Load(stream);
        var received = ParseDate(headers[ReceivedAtHeader]) ?? ParseDate(headers[HeaderId.Date]) ?? new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero);
        return new MailboxMessage(name, headers[HeaderId.MessageId], headers[HeaderId.Subject], headers[HeaderId.From], received);
    }

    private static DateTimeOffset? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso) && text.Contains('T', StringComparison.Ordinal))
        {
            return iso;
        }

        return DateUtils.TryParse(text, out var rfc) ? rfc : null;
    }

    private static string SafeName(string key) =>
        string.Concat(key.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')).TrimStart('.');
}
