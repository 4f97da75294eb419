using System.Globalization;
using MailOps.Parsing.Reading;
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
/// The received instant is the file's <c>X-Received-At</c> header (with an offset), else its newest
/// <c>Received</c> header, else its <c>Date</c> header, else its last write time.
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
            var info = new FileInfo(Path.Combine(options.Inbox, name));
            if (!info.Exists || info.LastWriteTimeUtc > settledBefore.UtcDateTime)
            {
                // Gone, or still being written: a later read (which starts again from the top) takes it.
                continue;
            }

            if (Describe(name, info) is not { } message)
            {
                continue;
            }

            messages.Add(message);
            last = name;
            if (messages.Count == options.PageSize)
            {
                break;
            }
        }

        var more = last is not null && messages.Count == options.PageSize && names[^1] != last;
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

        // Written beside, then renamed: a reader of the outbox never sees half a message; a crash can leave only
        // a hidden temporary file, never a partial .eml.
        var temporary = Path.Combine(options.Outbox, $".{name}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllBytesAsync(temporary, mail.Mime, cancellationToken).ConfigureAwait(false);
        try
        {
            File.Move(temporary, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            // The same key sent twice at once: the other send won, and that is the one message.
            File.Delete(temporary);
        }

        return name;
    }

    // A file that is not a message still gets an entry (so the store remembers it and triage can list it);
    // one deleted while being read is simply not there.
    private static MailboxMessage? Describe(string name, FileInfo info)
    {
        HeaderList headers;
        try
        {
            using var stream = info.OpenRead();
            headers = HeaderList.Load(MimeOptions.Default, stream);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (FormatException)
        {
            return new MailboxMessage(name, null, null, null, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero));
        }

        var received = Instant(headers[ReceivedAtHeader])
            ?? NewestReceived(headers)
            ?? Rfc5322(headers[HeaderId.Date])
            ?? new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero);
        return new MailboxMessage(name, headers[HeaderId.MessageId], headers[HeaderId.Subject], headers[HeaderId.From], received);
    }

    // ISO 8601 with an offset (2026-11-23T20:40:00+08:00), or an RFC 5322 date; a time without an offset is refused
    // rather than read in the server's own zone.
    private static DateTimeOffset? Instant(string? text)
    {
        var trimmed = text?.Trim();
        if (trimmed is null || trimmed.Length < 11 || trimmed[4] != '-' || trimmed[10] != 'T')
        {
            return Rfc5322(trimmed);
        }

        var time = trimmed[11..];
        var hasOffset = time.EndsWith('Z') || time.Contains('+', StringComparison.Ordinal) || time.Contains('-', StringComparison.Ordinal);
        return hasOffset && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var iso) ? iso : null;
    }

    private static DateTimeOffset? NewestReceived(HeaderList headers)
    {
        var newest = headers.FirstOrDefault(h => h.Id == HeaderId.Received)?.Value;
        var semicolon = newest?.LastIndexOf(';') ?? -1;
        return semicolon < 0 ? null : Rfc5322(newest![(semicolon + 1)..]);
    }

    private static DateTimeOffset? Rfc5322(string? text) =>
        !string.IsNullOrWhiteSpace(text) && DateUtils.TryParse(text.Trim(), out var date) ? date : null;

    // Readable, and unique per key: keys that read alike once cleaned (a+b@x, a_b@x) differ in their hash.
    private static string SafeName(string key)
    {
        var readable = string.Concat(key.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')).TrimStart('.');
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..8];
        return $"{readable}-{hash}";
    }
}
