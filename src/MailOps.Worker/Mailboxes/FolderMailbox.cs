using System.Globalization;
using System.IO.Enumeration;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using MailOps.Parsing.Reading;
using MimeKit;
using MimeKit.Utils;

namespace MailOps.Worker.Mailboxes;

/// <summary>
/// A mailbox of folders: every <c>*.eml</c> file of the inbox is a message whose id is its file name, and sent
/// mail is drafted in <c>{outbox}/.drafts</c> and sent by moving it into the outbox as <c>{key}-{hash}.eml</c>. A file still being written is never read: only names
/// ending in <c>.eml</c> count (write to another name, then rename) and a file changed within
/// <see cref="FolderMailboxOptions.SettleTime"/> waits for the next read. A pass lists the inbox once, in name
/// order, and pages through the files this mailbox has not yet reported (by name, size and modification time): a
/// pass with nothing new opens no file, and when the folder's own write time has not moved since the last listing
/// it lists nothing either (no file was added, renamed or removed), though at least every five minutes. A page
/// counts as reported once the next read comes with the cursor that page returned (the reader stored it); a read
/// with any other cursor (the reader failed, or restarted) forgets the page and reads it again. A new instance knows nothing and reports every file once more, from the saved cursor's name
/// to the end and then from the top, unless it is told how to ask what the reader stored (<see cref="KnowStored"/>):
/// the store drops repeats by id. The received instant is the file's
/// <c>X-Received-At</c> header (with an offset), else its newest <c>Received</c> header, else its <c>Date</c> header,
/// else its last write time.
/// </summary>
internal sealed class FolderMailbox(FolderMailboxOptions options, TimeProvider time) : IMailbox
{
    public const string ReceivedAtHeader = "X-Received-At";

    // What this instance has reported and the reader stored (or the reader said it holds, KnowStored): the name (by its 64-bit hash, NameKey: a year of names
    // would cost ten times the memory), and the size and write time it had then.
    private readonly Dictionary<ulong, (long Size, DateTime Written)> _reported = [];

    // The page handed out last, until the reader comes back with its cursor.
    private readonly Dictionary<string, (long Size, DateTime Written)> _pending = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private List<Listed> _listing = [];
    private int _position;
    private long _pages;

    // The folder's write time as the last listing from the top found it, when that listing vouches for it (nothing
    // left unsettled, made long enough after it); null: the next pass lists. And when that listing was made.
    private DateTime? _folderListedAt;
    private long _listedAt;

    // How far into the listing the reader was asked what it stored.
    private int _askedUpTo;

    // Tells this instance's cursors from an earlier process's, whose page numbers started from the same 1.
    private readonly string _instance = Guid.NewGuid().ToString("N")[..8];
    private string? _handedOut;
    private bool _handedOutMore;

    public MailboxIdentity Identity { get; } = new("Folder", options.Address);

    // Which of these file names (message ids) the reader has stored already (KnowStored). Asked, a chunk of the
    // listing at a time, of the names this instance has not reported, so that a new instance (a restarted worker)
    // over a folder read before opens only the files the reader has not stored. Null: every file is reported once
    // more, and the reader drops the repeats by id.
    private Func<IReadOnlyCollection<string>, IReadOnlySet<string>>? _stored;

    public void KnowStored(Func<IReadOnlyCollection<string>, IReadOnlySet<string>> stored)
    {
        lock (_gate)
        {
            _stored = stored;
        }
    }

    // How many names of the listing the reader is asked about at once.
    private const int StoredChunk = 500;

    public Task<MailboxPage> ReadChangesAsync(string? cursor, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(ReadPage(cursor, cancellationToken));
        }
    }

    private MailboxPage ReadPage(string? cursor, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.Inbox);
        if (cursor is not null && cursor == _handedOut)
        {
            // The reader stored the last page: it is reported, and the pass goes on where it was (or starts again).
            foreach (var (name, seen) in _pending)
            {
                _reported[NameKey(name)] = seen;
            }

            _pending.Clear();
            if (!_handedOutMore)
            {
                StartPass(after: "");
            }
        }
        else
        {
            // The reader did not store the last page (or restarted): what it did not store is listed again now.
            _pending.Clear();
            _folderListedAt = null;
            StartPass(after: NameOf(cursor));
        }

        var settledBefore = (time.GetUtcNow() - options.SettleTime).UtcDateTime;
        var messages = new List<MailboxMessage>();
        // Held apart until the page is whole: a page cut short (a cancellation) is never taken as handed out.
        var page = new Dictionary<string, (long Size, DateTime Written)>(StringComparer.Ordinal);
        string? last = null;
        var (startedAt, askedUpTo) = (_position, _askedUpTo);
        try
        {
            ReadInto(messages, page, settledBefore, ref last, cancellationToken);
        }
        catch
        {
            // A page cut short (a cancellation, the reader's store failing) hands out nothing: the next read starts it
            // again, and no file it passed is skipped.
            (_position, _askedUpTo) = (startedAt, askedUpTo);
            throw;
        }

        foreach (var (name, seen) in page)
        {
            _pending[name] = seen;
        }

        return HandOut(messages, last);
    }

    private void ReadInto(List<MailboxMessage> messages, Dictionary<string, (long Size, DateTime Written)> page, DateTime settledBefore, ref string? last, CancellationToken cancellationToken)
    {
        for (; _position < _listing.Count && messages.Count < options.PageSize; _position++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_stored is not null && _position >= _askedUpTo)
            {
                AskStored();
            }

            var info = _listing[_position];
            var seen = (info.Length, info.Written);
            if (_reported.TryGetValue(NameKey(info.Name), out var reported) && reported == seen)
            {
                continue;
            }

            if (info.Written > settledBefore)
            {
                // Still being written: a later pass takes it, and lists the folder to find it.
                _folderListedAt = null;
                continue;
            }

            if (Describe(info) is not { } message)
            {
                continue;
            }

            messages.Add(message);
            page[info.Name] = seen;
            last = info.Name;
        }
    }

    private MailboxPage HandOut(List<MailboxMessage> messages, string? last)
    {
        var more = _position < _listing.Count;
        _handedOut = string.Create(CultureInfo.InvariantCulture, $"{_instance}.{++_pages}:{(more ? last ?? _listing[_position - 1].Name : "")}");
        _handedOutMore = more;
        if (!more)
        {
            // The pass is over: the listing is not kept between passes (the next pass lists again, or finds the folder unchanged).
            _listing = [];
        }

        return new MailboxPage(messages, _handedOut, more);
    }

    /// <summary>A folder is listed at least this often, whatever its write time says.</summary>
    internal static readonly TimeSpan ListAtLeastEvery = TimeSpan.FromMinutes(5);

    // Within this of a listing, a file added may leave the folder's write time where it was (the time resolution of
    // some file systems is a second or two): such a listing vouches for nothing.
    private static readonly TimeSpan TimeResolution = TimeSpan.FromSeconds(2);

    // Lists the inbox once for a pass, in name order, from the first name after `after` ("" for all); forgets
    // files no longer there. Each file is its name, size and write time as the directory listing gives them, with
    // no FileInfo kept per file. A pass from the top whose folder's write time is what the last listing found lists
    // nothing: no file was added, renamed or removed since (a file rewritten in place, which leaves the folder's
    // time alone, is found by the listing made at least every ListAtLeastEvery).
    private void StartPass(string after)
    {
        var now = time.GetUtcNow();
        var folderWritten = Directory.GetLastWriteTimeUtc(options.Inbox);
        if (after.Length == 0 && _folderListedAt == folderWritten && time.GetElapsedTime(_listedAt) < ListAtLeastEvery)
        {
            _listing = [];
            _position = 0;
            return;
        }

        var listing = new FileSystemEnumerable<Listed>(
            options.Inbox,
            (ref entry) => new Listed(entry.FileName.ToString(), entry.Length, entry.LastWriteTimeUtc.UtcDateTime),
            new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0 })
        {
            ShouldIncludePredicate = (ref entry) => !entry.IsDirectory && entry.FileName.EndsWith(".eml", StringComparison.Ordinal),
        }.ToList();
        listing.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        _folderListedAt = after.Length == 0 && now.UtcDateTime - folderWritten >= TimeResolution ? folderWritten : null;
        _listedAt = time.GetTimestamp();
        if (after.Length == 0 && _reported.Count > listing.Count / 2)
        {
            var present = listing.Select(f => NameKey(f.Name)).ToHashSet();
            foreach (var gone in _reported.Keys.Where(n => !present.Contains(n)).ToList())
            {
                _reported.Remove(gone);
            }
        }

        _listing = listing;
        _position = after.Length == 0 ? 0 : FirstAfter(listing, after);
        _askedUpTo = _position;
    }

    // The names of the next chunk of the listing that this instance has not reported and the reader has stored count
    // as reported, with the size and write time listed: they are never opened.
    private void AskStored()
    {
        var end = Math.Min(_listing.Count, _position + StoredChunk);
        var unknown = new List<Listed>();
        for (var i = _position; i < end; i++)
        {
            if (!_reported.ContainsKey(NameKey(_listing[i].Name)))
            {
                unknown.Add(_listing[i]);
            }
        }

        _askedUpTo = end;
        if (unknown.Count == 0)
        {
            return;
        }

        var stored = _stored!([.. unknown.Select(f => f.Name)]);
        foreach (var file in unknown.Where(f => stored.Contains(f.Name)))
        {
            _reported[NameKey(file.Name)] = (file.Length, file.Written);
        }
    }

    private static int FirstAfter(List<Listed> listing, string name)
    {
        int low = 0, high = listing.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (string.CompareOrdinal(listing[middle].Name, name) <= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    // A cursor is "{instance}.{page}:{last name}"; one saved by an earlier version is the last name alone.
    private static string NameOf(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return "";
        }

        var colon = cursor.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && cursor[..colon].All(c => char.IsAsciiHexDigit(c) || c == '.') ? cursor[(colon + 1)..] : cursor;
    }

    public async Task<byte[]> FetchMimeAsync(string id, CancellationToken cancellationToken)
    {
        if (id.Contains('/', StringComparison.Ordinal) || id.Contains('\\', StringComparison.Ordinal) || id.StartsWith('.'))
        {
            throw new ArgumentException($"\"{id}\" is not a message of the folder mailbox.", nameof(id));
        }

        return await File.ReadAllBytesAsync(Path.Combine(options.Inbox, id), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the draft and sends it at once: for callers that keep no draft record (tests, tools).</summary>
    public async Task<string> SendAsync(OutgoingMail mail, CancellationToken cancellationToken) =>
        await SendDraftAsync(await CreateDraftAsync(mail, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Writes the draft to <c>{outbox}/.drafts/{key}-{hash}.eml</c> (beside, then renamed, so no half draft is ever
    /// seen); its name, derived from the key, is its id, so a key drafted or sent before is not written again.
    /// </summary>
    public async Task<string> CreateDraftAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Drafts);
        var name = SafeName(mail.IdempotencyKey) + ".eml";
        var draft = Path.Combine(Drafts, name);
        if (File.Exists(draft) || File.Exists(Path.Combine(options.Outbox, name)))
        {
            return name;
        }

        // Written beside, then renamed: a crash can leave only a hidden temporary file, never a partial draft.
        var temporary = Path.Combine(Drafts, $".{name}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllBytesAsync(temporary, mail.Mime, cancellationToken).ConfigureAwait(false);
        try
        {
            File.Move(temporary, draft, overwrite: false);
        }
        catch (IOException) when (File.Exists(draft))
        {
            // The same key drafted twice at once: the other draft won, and it is the one message.
            File.Delete(temporary);
        }

        return name;
    }

    /// <summary>Moves the draft into the outbox (one rename, so a reader sees all of it or nothing); a draft already sent is not sent again.</summary>
    public Task<string> SendDraftAsync(string draftId, CancellationToken cancellationToken)
    {
        var name = OwnName(draftId);
        var sent = Path.Combine(options.Outbox, name);
        try
        {
            File.Move(Path.Combine(Drafts, name), sent, overwrite: false);
        }
        catch (IOException) when (File.Exists(sent))
        {
            // Sent already (by an earlier run or a concurrent send): one message, and the draft is no longer needed.
            File.Delete(Path.Combine(Drafts, name));
        }
        catch (FileNotFoundException ex)
        {
            throw new MailboxUnavailableException($"{Identity.Address}: there is no draft \"{name}\" in {Drafts} to send.", ex);
        }

        return Task.FromResult(name);
    }

    public Task<DraftState> DraftStateAsync(string draftId, CancellationToken cancellationToken)
    {
        var name = OwnName(draftId);
        var state = File.Exists(Path.Combine(Drafts, name)) ? DraftState.Waiting
            : File.Exists(Path.Combine(options.Outbox, name)) ? DraftState.Sent
            : DraftState.Gone;
        return Task.FromResult(state);
    }

    private string Drafts => Path.Combine(options.Outbox, ".drafts");

    private static string OwnName(string id) =>
        id.Contains('/', StringComparison.Ordinal) || id.Contains('\\', StringComparison.Ordinal) || id.StartsWith('.')
            ? throw new ArgumentException($"\"{id}\" is not a draft of the folder mailbox.", nameof(id))
            : id;

    // A file that is not a message still gets an entry (so the store remembers it and triage can list it);
    // one deleted while being read is simply not there.
    private MailboxMessage? Describe(Listed info)
    {
        var name = info.Name;
        HeaderList headers;
        try
        {
            using var stream = File.OpenRead(Path.Combine(options.Inbox, name));
            SkipByteOrderMark(stream);
            headers = HeaderList.Load(MimeOptions.Default, stream);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
        {
            // Not a message, or a file this user cannot read (another user's mode 0600, a scanner holding it): reported
            // without metadata, so one file never stops the pass; its fetch then fails and it is held for a person.
            return new MailboxMessage(name, null, null, null, new DateTimeOffset(info.Written, TimeSpan.Zero));
        }

        var received = Instant(headers[ReceivedAtHeader])
            ?? NewestReceived(headers)
            ?? Rfc5322(headers[HeaderId.Date])
            ?? new DateTimeOffset(info.Written, TimeSpan.Zero);
        return new MailboxMessage(name, headers[HeaderId.MessageId], headers[HeaderId.Subject], headers[HeaderId.From], received);
    }

    /// <summary>
    /// The instant a message's <see cref="ReceivedAtHeader"/> gives, read as the folder mailbox reads it, or null
    /// (no such header, or unreadable headers): so that <c>mailops parse</c> dates a file as ingest would.
    /// </summary>
    public static DateTimeOffset? ReceivedAtOf(byte[] raw)
    {
        try
        {
            using var stream = new MemoryStream(raw, writable: false);
            SkipByteOrderMark(stream);
            return Instant(HeaderList.Load(MimeOptions.Default, stream)[ReceivedAtHeader]);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    // A file saved by a Windows editor can start with a UTF-8 byte order mark, which would otherwise become part of
    // the first header's name (and hide an X-Received-At written first).
    private static void SkipByteOrderMark(Stream stream)
    {
        Span<byte> start = stackalloc byte[3];
        var read = stream.ReadAtLeast(start, 3, throwOnEndOfStream: false);
        if (read < 3 || start[0] != 0xEF || start[1] != 0xBB || start[2] != 0xBF)
        {
            stream.Position = 0;
        }
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

    // A name as the mailbox remembers it. Two names of one folder alike in 64 bits (among 200,000 names, a chance of
    // about one in 10^9) would also need the same size and write time to hide a file.
    private static ulong NameKey(string name) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(name.AsSpan()));

    /// <summary>A file of the inbox as one pass listed it.</summary>
    private readonly record struct Listed(string Name, long Length, DateTime Written);
}
