using MailOps.Parsing;

namespace MailOps.Worker.Ingest;

/// <summary>
/// What of the parser is configurable (section <c>MailOps:Parsing</c>): whose Authentication-Results count and which
/// domains are internal. Unset keeps <see cref="ParsingOptions"/>'s defaults; a list given replaces the default.
/// </summary>
public sealed class ParsingSettings
{
    public const string Section = "MailOps:Parsing";

    /// <summary>
    /// The authserv-ids trusted to stamp Authentication-Results (<c>name</c> or <c>*.name</c>); unset or empty:
    /// Exchange Online's, <c>mx.microsoft.com</c> and <c>*.protection.outlook.com</c>.
    /// </summary>
    public List<string>? TrustedAuthServIds { get; set; }

    /// <summary>Whether an Authentication-Results naming no authserv-id (Exchange Online's classic stamp) counts; default true.</summary>
    public bool TrustMissingAuthServId { get; set; } = true;

    /// <summary>The domains whose senders must be authenticated; unset or empty: every domain of the directory's addresses.</summary>
    public List<string>? InternalDomains { get; set; }

    public ParsingOptions ToParsingOptions() => new()
    {
        TrustedAuthServIds = TrustedAuthServIds is { Count: > 0 } ids ? [.. ids.Select(i => i.Trim())] : ParsingOptions.ExchangeOnlineAuthServIds,
        TrustMissingAuthServId = TrustMissingAuthServId,
        InternalDomains = InternalDomains is { Count: > 0 } domains ? [.. domains.Select(d => d.Trim())] : [],
    };
}
