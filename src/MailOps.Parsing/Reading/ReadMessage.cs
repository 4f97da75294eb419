namespace MailOps.Parsing.Reading;

/// <summary>An address and its display name.</summary>
public sealed record MailboxInfo(string Address, string? Name)
{
    public override string ToString() => string.IsNullOrEmpty(Name) ? Address : $"{Name} <{Address}>";
}

/// <summary>An attachment's name, type and (approximate, decoded) size in bytes.</summary>
public sealed record AttachmentInfo(string? FileName, string ContentType, long Size);

/// <summary>Where the received instant came from.</summary>
public enum ReceivedSource
{
    /// <summary>The caller's (Graph's receivedDateTime, IMAP's INTERNALDATE, the folder's X-Received-At).</summary>
    Supplied,

    /// <summary>The newest (topmost) Received header.</summary>
    ReceivedHeader,

    /// <summary>The Date header.</summary>
    DateHeader,
}

/// <summary>What the parser read of a message, before judging it.</summary>
public sealed record ReadMessage
{
    public required string MessageId { get; init; }

    public required string? Subject { get; init; }

    public required MailboxInfo? From { get; init; }

    public required MailboxInfo? Sender { get; init; }

    public required MailboxInfo? ReplyTo { get; init; }

    public required IReadOnlyList<MailboxInfo> To { get; init; }

    public required IReadOnlyList<MailboxInfo> Cc { get; init; }

    public required DateTimeOffset? Date { get; init; }

    public required DateTimeOffset? Received { get; init; }

    public required ReceivedSource? ReceivedFrom { get; init; }

    private Lazy<string?> _textBody = new((string?)null);
    private Lazy<string?> _htmlBody = new((string?)null);
    private Lazy<byte[]?> _workbook = new((byte[]?)null);

    /// <summary>The text body, decoded when first read: most messages are judged without it.</summary>
    public string? TextBody { get => _textBody.Value; init => _textBody = new(value); }

    /// <summary>The HTML body, decoded when first read.</summary>
    public string? HtmlBody { get => _htmlBody.Value; init => _htmlBody = new(value); }

    public required IReadOnlyList<AttachmentInfo> Attachments { get; init; }

    /// <summary>The first attached .xlsx workbook's bytes, when one is attached and small enough to open; decoded when first read.</summary>
    internal byte[]? Workbook { get => _workbook.Value; init => _workbook = new(value); }

    /// <summary>The bodies and the workbook to be decoded (or cut) only when a check reads them.</summary>
    internal ReadMessage WithContent(Func<string?> textBody, Func<string?> htmlBody, Func<byte[]?> workbook) =>
        this with { _textBody = new(textBody), _htmlBody = new(htmlBody), _workbook = new(workbook) };
}
