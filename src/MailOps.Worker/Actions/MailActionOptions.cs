using System.Text;

namespace MailOps.Worker.Actions;

/// <summary>
/// <c>MailOps:Actions</c>: the digest's triage actions by mail, for headquarters that cannot reach the console. Off
/// unless <see cref="SigningKey"/> is set (the embedded default has none): then the digest to a reviewer carries, on
/// each held message, <c>mailto:</c> links to the watched mailbox whose subject holds the action and a signed token,
/// and MailOps applies such a mail only from a reviewer the tenant authenticates (docs/worker.md, "Actions by mail").
/// </summary>
public sealed class MailActionOptions
{
    public const string Section = "MailOps:Actions";

    /// <summary>The least length of <see cref="SigningKey"/>, in UTF-8 bytes: HMAC-SHA256's own block of strength.</summary>
    public const int MinKeyBytes = 32;

    /// <summary>
    /// The secret the tokens are signed with (HMAC-SHA256), at least <see cref="MinKeyBytes"/> bytes of random text, such
    /// as <c>openssl rand -base64 32</c> writes. Keep it in <c>credentials/MailOps__Actions__SigningKey</c> or the
    /// environment, never in appsettings.json; changing it voids every token already mailed. Empty: no actions by mail.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>The addresses whose mail may act (each must be in a domain of the tenant, which authenticates it); the digest offers actions only to them.</summary>
    public List<string> Reviewers { get; set; } = [];

    /// <summary>How long a digest's action stays good; default 7 days.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Whether actions by mail are on: a signing key is set.</summary>
    public bool Enabled => !string.IsNullOrEmpty(SigningKey);

    internal byte[] KeyBytes => Encoding.UTF8.GetBytes(SigningKey ?? "");

    /// <summary>Whether <paramref name="address"/> is a reviewer's (case-insensitive, as mail addresses are compared here).</summary>
    public bool IsReviewer(string? address) =>
        address is not null && Reviewers.Any(r => string.Equals(r.Trim(), address.Trim(), StringComparison.OrdinalIgnoreCase));
}
