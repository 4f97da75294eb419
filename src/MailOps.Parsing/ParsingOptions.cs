namespace MailOps.Parsing;

/// <summary>Limits and knobs of the parser; the defaults are safe for a shared mailbox.</summary>
public sealed record ParsingOptions
{
    /// <summary>
    /// The authserv-ids Exchange Online stamps: <c>mx.microsoft.com</c> (newer stamps, <c>mx.microsoft.com 1;</c>) and the
    /// filtering hosts under <c>protection.outlook.com</c>; its classic stamp has none (<see cref="TrustMissingAuthServId"/>).
    /// </summary>
    // Declared before Default, which reads it.
    public static IReadOnlyList<string> ExchangeOnlineAuthServIds { get; } = ["mx.microsoft.com", "*.protection.outlook.com"];

    public static ParsingOptions Default { get; } = new();

    /// <summary>A larger message is the non-match <c>too-large</c>; default 64 MiB (Exchange Online accepts up to 150 MB).</summary>
    public long MaxMessageBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>A message with more MIME parts is the non-match <c>too-many-parts</c>; default 500.</summary>
    public int MaxParts { get; init; } = 500;

    /// <summary>How much of the HTML body is searched for required fields; default 4 million characters.</summary>
    public int MaxHtmlChars { get; init; } = 4_000_000;

    /// <summary>The largest workbook attachment opened for cell checks; default 20 MiB.</summary>
    public long MaxWorkbookBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>The most a workbook may unpack to before it is refused as unreadable; default 100 MiB.</summary>
    public long MaxWorkbookUnpackedBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>A workbook of more zip entries is refused as unreadable; default 10,000 (Excel writes tens).</summary>
    public int MaxWorkbookParts { get; init; } = 10_000;

    /// <summary>
    /// A part read for cells that unpacks to more than this many times its packed size is refused as a zip bomb, once it
    /// unpacks to more than 1 MiB; default 100 (Excel's sheets pack at about 5 to 20 to one).
    /// </summary>
    public int MaxWorkbookCompressionRatio { get; init; } = 100;

    /// <summary>
    /// The domains whose senders must be authenticated; empty means every domain of the directory's addresses.
    /// </summary>
    public IReadOnlyList<string> InternalDomains { get; init; } = [];

    /// <summary>
    /// The authserv-ids whose Authentication-Results count: a name matches itself (any case), <c>*.name</c> matches the
    /// names below it. Default <see cref="ExchangeOnlineAuthServIds"/>. A header naming any other server may have been
    /// written by the sender and is ignored.
    /// </summary>
    public IReadOnlyList<string> TrustedAuthServIds { get; init; } = ExchangeOnlineAuthServIds;

    /// <summary>
    /// Whether an Authentication-Results with no authserv-id counts; default true, for Exchange Online's classic stamp
    /// (<c>spf=pass (sender IP is …) smtp.mailfrom=…;dkim=…;dmarc=…;compauth=…</c>) carries none. Only the topmost trusted
    /// header is read, and Exchange Online writes its own above whatever the sender put in the message.
    /// </summary>
    public bool TrustMissingAuthServId { get; init; } = true;


    /// <summary>The header MailOps puts on every mail it sends, by which it knows its own mail when it comes back.</summary>
    public const string OwnMailHeader = "X-MailOps-Generated";
}
