using System.Text;
using System.Text.RegularExpressions;

namespace MailOps.Worker.Actions;

/// <summary>What a mail's subject asks: the action it names and its token, as <see cref="ActionMail.Subject"/> wrote them.</summary>
internal sealed record ActionClaim(MailActionKind Kind, string Token);

/// <summary>
/// The one place the mail of an action is spelt and read: its subject <c>[MailOps] dismiss TOKEN</c> (found anywhere in
/// a subject, so a client's <c>RE:</c> or <c>答复:</c> does not hide it), its body asking for the reason, and the
/// <c>mailto:</c> link (RFC 6068) that opens it in the reviewer's mail client.
/// </summary>
internal static partial class ActionMail
{
    /// <summary>The instruction lines of the body, recognised again and left out of the reason.</summary>
    private static readonly string[] Instructions =
    [
        "请勿修改主题。请在下一行写明原因（可留空，留空则记为“经邮件操作”）：",
        "Do not change the subject. Write the reason on the next line (or leave it empty for \"by mail action\"):",
    ];

    /// <summary>The longest reason taken from a mail; more is cut.</summary>
    public const int MaxReason = 500;

    public static string Subject(MailActionKind kind, string token) => $"[MailOps] {MailActionKinds.Name(kind)} {token}";

    public static ActionClaim? Read(string? subject)
    {
        var match = subject is null ? Match.Empty : SubjectPattern().Match(subject);
        return match.Success && MailActionKinds.TryParse(match.Groups["kind"].Value, out var kind) ? new ActionClaim(kind, match.Groups["token"].Value) : null;
    }

    /// <summary>
    /// <c>mailto:</c> the mailbox with the subject and body filled in: every character outside RFC 3986's unreserved set
    /// percent-encoded as UTF-8 (a space is <c>%20</c>, never <c>+</c>; a line break <c>%0D%0A</c>), as RFC 6068 asks.
    /// </summary>
    public static string Mailto(string mailbox, MailActionKind kind, string token)
    {
        var at = mailbox.LastIndexOf('@');
        var address = at < 0 ? Uri.EscapeDataString(mailbox) : $"{Uri.EscapeDataString(mailbox[..at])}@{Uri.EscapeDataString(mailbox[(at + 1)..])}";
        var body = string.Join("\r\n", Instructions) + "\r\n\r\n";
        return $"mailto:{address}?subject={Uri.EscapeDataString(Subject(kind, token))}&body={Uri.EscapeDataString(body)}";
    }

    /// <summary>
    /// The reason the reviewer wrote: the body's own lines (the instructions left out), up to a signature (<c>-- </c>),
    /// a quotation or a client's header of the mail quoted below; null when none was written.
    /// </summary>
    public static string? Reason(string? textBody)
    {
        var lines = new List<string>();
        foreach (var raw in (textBody ?? "").ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Trim();
            if (raw.StartsWith("-- ", StringComparison.Ordinal) || raw == "--" || line.StartsWith('>') || line.StartsWith("____", StringComparison.Ordinal) || QuotedHeader().IsMatch(line))
            {
                break;
            }

            if (line.Length > 0 && !Instructions.Contains(line, StringComparer.Ordinal))
            {
                lines.Add(line);
            }
        }

        var reason = string.Join(" ", lines);
        var builder = new StringBuilder(reason.Length);
        foreach (var c in reason.Where(c => !char.IsControl(c)))
        {
            builder.Append(c);
        }

        var text = builder.ToString().Trim();
        return text.Length == 0 ? null : text.Length > MaxReason ? text[..MaxReason] : text;
    }

    [GeneratedRegex(@"\[MailOps\]\s*(?<kind>place|accept|dismiss)\s+(?<token>[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SubjectPattern();

    [GeneratedRegex(@"^((From|发件人|Sent|发送时间)\s*[:：]|-----\s*(Original Message|原始邮件)\s*-----)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuotedHeader();
}
