using System.Security.Cryptography;
using System.Text;

namespace MailOps.Parsing.Threading;

/// <summary>What the Message-ID of a mail MailOps sent says: its kind and, for a nudge or an overdue notice, the obligation it is about.</summary>
/// <param name="Kind">The mail's kind: <c>nudge</c>, <c>overdue</c>, <c>digest</c>, <c>monthly</c>, <c>quarterly</c>, ...</param>
/// <param name="ObligationKey">The obligation's key (<c>report/unit/period</c>); null for mail about no one obligation.</param>
public sealed record OwnMessage(string Kind, string? ObligationKey)
{
    /// <summary>A nudge or an overdue notice: mail to a unit about one obligation, which its submitters may answer.</summary>
    public bool IsNotice => Kind is OwnMessageId.Nudge or OwnMessageId.Overdue && ObligationKey is not null;
}

/// <summary>
/// The one place that writes and reads the Message-ID of the mail MailOps sends:
/// <c>mailops.{kind}.{obligation}.{hash}@{domain}</c>, where <c>obligation</c> is the obligation key in lower-case
/// unpadded base32 (period ids hold <c>@</c>, which a Message-ID's left part cannot) and is left out for mail about no
/// one obligation, and <c>hash</c> is the first 16 hex digits of the SHA-256 of the idempotency key, so that each
/// recipient's copy has its own id and a resend the same one. A reply names the id in In-Reply-To and References, so
/// the parser can tell which obligation a reply to a notice is about.
/// </summary>
public static class OwnMessageId
{
    public const string Nudge = "nudge";
    public const string Overdue = "overdue";

    private const string Prefix = "mailops";
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>The id, without angle brackets (as MimeKit's <c>MimeMessage.MessageId</c> takes it).</summary>
    /// <param name="kind">Lower-case letters only.</param>
    /// <param name="key">The mail's idempotency key.</param>
    /// <param name="obligationKey">The obligation a nudge or an overdue notice is about; null otherwise.</param>
    /// <param name="domain">The sending mailbox's domain.</param>
    public static string Create(string kind, string key, string? obligationKey, string domain)
    {
        if (kind.Length == 0 || !kind.All(char.IsAsciiLetterLower))
        {
            throw new ArgumentException($"\"{kind}\" is not a kind of mail: lower-case letters only", nameof(kind));
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
        var about = obligationKey is null ? "" : Base32(Encoding.UTF8.GetBytes(obligationKey)) + ".";
        return $"{Prefix}.{kind}.{about}{hash}@{domain}";
    }

    /// <summary>What a Message-ID (with or without angle brackets) says, when MailOps wrote it; null for any other id.</summary>
    public static OwnMessage? Read(string? messageId)
    {
        var id = messageId?.Trim().TrimStart('<').TrimEnd('>');
        var at = id?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        if (id is null || at <= 0)
        {
            return null;
        }

        var parts = id[..at].Split('.');
        if (parts.Length is < 3 or > 4 || !parts[0].Equals(Prefix, StringComparison.OrdinalIgnoreCase)
            || parts[1].Length == 0 || !parts[1].All(char.IsAsciiLetter) || parts[^1].Length != 16 || !parts[^1].All(char.IsAsciiHexDigit))
        {
            return null;
        }

        if (parts.Length == 3)
        {
            return new OwnMessage(parts[1].ToLowerInvariant(), null);
        }

        return FromBase32(parts[2]) is { } bytes && Utf8(bytes) is { } key ? new OwnMessage(parts[1].ToLowerInvariant(), key) : null;
    }

    private static string Base32(byte[] bytes)
    {
        var text = new StringBuilder((bytes.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = ((buffer << 8) | b) & 0xFFFF;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            text.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return text.ToString();
    }

    // Case-insensitive: a relay that changes the id's case must not lose the obligation.
    private static byte[]? FromBase32(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            var value = Alphabet.IndexOf(char.ToLowerInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            buffer = ((buffer << 5) | value) & 0xFFFF;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }

    private static string? Utf8(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
