using System.Text;
using MimeKit;

namespace MailOps.Parsing.Authenticity;

/// <summary>
/// One Authentication-Results header and the authserv-id it names, read from its raw text so that a header MimeKit
/// cannot parse still says who wrote it. <see cref="AuthServId"/> is null when the header names none, as Exchange
/// Online's classic stamp does (it opens with <c>spf=…</c>, and may put the tenant's domain after each method).
/// </summary>
internal sealed record AuthenticationStamp(string? AuthServId, byte[] RawValue)
{
    /// <summary>The message's Authentication-Results headers, topmost (the last hop's) first.</summary>
    public static IEnumerable<AuthenticationStamp> Of(MimeMessage message) =>
        message.Headers.Where(h => h.Id == HeaderId.AuthenticationResults).Select(h => new AuthenticationStamp(AuthServIdOf(Latin1(h.RawValue)), h.RawValue));

    /// <summary>The header's text on one line, cut to a length a person reads in a triage list.</summary>
    public string Excerpt()
    {
        var text = string.Join(' ', Latin1(RawValue).Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= 160 ? text : string.Concat(text.AsSpan(0, 160), "…");
    }

    /// <summary>Whether the options trust the server that wrote this header.</summary>
    public bool IsTrustedBy(ParsingOptions options) =>
        AuthServId is null ? options.TrustMissingAuthServId : options.TrustedAuthServIds.Any(t => Matches(t.Trim(), AuthServId));

    private static bool Matches(string trusted, string id) =>
        trusted.StartsWith("*.", StringComparison.Ordinal)
            ? id.Length > trusted.Length - 1 && id.EndsWith(trusted[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(trusted, id, StringComparison.OrdinalIgnoreCase);

    // RFC 8601: authserv-id [version] ";" resinfo... The text before the first ";" outside comments and quotes is the
    // authserv-id and its version, unless it is already a method=result (no authserv-id at all).
    private static string? AuthServIdOf(string value)
    {
        var head = new StringBuilder();
        var depth = 0;
        var quoted = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\' && (quoted || depth > 0))
            {
                i++;
            }
            else if (quoted)
            {
                quoted = c != '"';
                head.Append(quoted ? c : ' ');
            }
            else if (c == '(' || (c == ')' && depth > 0))
            {
                depth += c == '(' ? 1 : -1;
                head.Append(' ');
            }
            else if (depth == 0 && c == '"')
            {
                quoted = true;
            }
            else if (depth == 0 && c == ';')
            {
                break;
            }
            else if (depth == 0)
            {
                head.Append(c);
            }
        }

        var tokens = head.ToString().Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        return tokens.Length == 0 || tokens.Any(t => t.Contains('=', StringComparison.Ordinal)) ? null : tokens[0];
    }

    private static string Latin1(byte[] raw) => Encoding.Latin1.GetString(raw);
}
