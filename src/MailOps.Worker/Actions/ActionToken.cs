using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MailOps.Worker.Actions;

/// <summary>What a reviewer may do by mail to a held message: the console's triage actions.</summary>
public enum MailActionKind
{
    /// <summary>Count the message as one report instance's submission (<see cref="Store.MailStore.Place"/>).</summary>
    Place,

    /// <summary>Accept a report held for an unauthenticated sender (<see cref="Store.MailStore.Accept"/>).</summary>
    Accept,

    /// <summary>Put the message aside (<see cref="Store.MailStore.Dismiss"/>).</summary>
    Dismiss,
}

internal static class MailActionKinds
{
    /// <summary>The word the subject and the audit trail use: <c>place</c>, <c>accept</c>, <c>dismiss</c>.</summary>
    public static string Name(MailActionKind kind) => kind switch
    {
        MailActionKind.Place => "place",
        MailActionKind.Accept => "accept",
        MailActionKind.Dismiss => "dismiss",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string? name, out MailActionKind kind)
    {
        foreach (var candidate in Enum.GetValues<MailActionKind>())
        {
            if (string.Equals(Name(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}

/// <summary>
/// What one token allows: <paramref name="Kind"/> on the held message the store keeps as <paramref name="MessageId"/>,
/// for <see cref="MailActionKind.Place"/> as the obligation <paramref name="ObligationKey"/> (<c>report/unit/period</c>),
/// until <paramref name="Expires"/> (inclusive, to the second).
/// </summary>
internal sealed record ActionGrant(MailActionKind Kind, string MessageId, string? ObligationKey, DateTimeOffset Expires);

/// <summary>A token's fields as read, before anything is verified: <see cref="Reference"/> only finds the message to verify against.</summary>
internal sealed record ReadToken(MailActionKind Kind, string Reference, string? ObligationKey, DateTimeOffset Expires, byte[] Mac);

/// <summary>What checking a token against a message found.</summary>
internal enum TokenVerdict
{
    Valid,

    /// <summary>Not signed with this key for this message and these parameters: tampered, for another message, or forged.</summary>
    BadSignature,

    /// <summary>Signed, but for another action than the subject asks.</summary>
    WrongAction,

    Expired,
}

/// <summary>
/// Signs and checks the tokens of the digest's mail actions. A token is <c>payload.mac</c>, both base64url without
/// padding: the payload is one byte of version and action, the first 9 bytes of the SHA-256 of the message's store id
/// (to find it again), the expiry in Unix seconds (4 bytes, big-endian) and, for a placement, the obligation key in
/// UTF-8; the mac is the first 16 bytes of HMAC-SHA256 over the canonical text
/// <c>mailops-action/1 LF action LF message id LF obligation key LF expiry</c>, so it binds the whole store id, not
/// only its reference. Compared in constant time. Pure: the caller says what instant it is.
/// </summary>
internal sealed class ActionSigner(byte[] key)
{
    private const byte Version = 1;
    private const int ReferenceBytes = 9;
    private const int MacBytes = 16;
    private const int FixedBytes = 1 + ReferenceBytes + 4;

    public string Sign(ActionGrant grant)
    {
        var obligation = grant.ObligationKey ?? "";
        var expires = Seconds(grant.Expires);
        var payload = new byte[FixedBytes + Encoding.UTF8.GetByteCount(obligation)];
        payload[0] = (byte)((Version << 4) | (int)grant.Kind);
        ReferenceOf(grant.MessageId).CopyTo(payload, 1);
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(1 + ReferenceBytes), expires);
        Encoding.UTF8.GetBytes(obligation, payload.AsSpan(FixedBytes));
        return $"{Base64Url(payload)}.{Base64Url(Mac(grant.Kind, grant.MessageId, obligation, expires))}";
    }

    /// <summary>The token's fields, or null when it is no token of this version (a mangled subject, a guess).</summary>
    public static ReadToken? Read(string? token)
    {
        var parts = (token ?? "").Split('.');
        if (parts.Length != 2 || FromBase64Url(parts[0]) is not { Length: >= FixedBytes } payload || FromBase64Url(parts[1]) is not { Length: MacBytes } mac
            || payload[0] >> 4 != Version || !Enum.IsDefined((MailActionKind)(payload[0] & 0x0F)))
        {
            return null;
        }

        string obligation;
        try
        {
            obligation = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(payload, FixedBytes, payload.Length - FixedBytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadUInt32BigEndian(payload.AsSpan(1 + ReferenceBytes)));
        return new ReadToken((MailActionKind)(payload[0] & 0x0F), Base64Url(payload[1..(1 + ReferenceBytes)]), obligation.Length == 0 ? null : obligation, expires, mac);
    }

    /// <summary>
    /// Whether <paramref name="token"/> is this key's for <paramref name="messageId"/>, the action the subject
    /// <paramref name="claimed"/>, and good at <paramref name="now"/>; the signature (and the reference, which the
    /// signature covers only through the full id) is checked first, so nothing is said about a token that is not ours.
    /// </summary>
    public TokenVerdict Check(ReadToken token, MailActionKind claimed, string messageId, DateTimeOffset now)
    {
        var expected = Mac(token.Kind, messageId, token.ObligationKey ?? "", Seconds(token.Expires));
        if (!CryptographicOperations.FixedTimeEquals(expected, token.Mac) || token.Reference != Reference(messageId))
        {
            return TokenVerdict.BadSignature;
        }

        return token.Kind != claimed ? TokenVerdict.WrongAction
            : now > token.Expires ? TokenVerdict.Expired
            : TokenVerdict.Valid;
    }

    /// <summary>The reference a token carries for a message's store id, as <see cref="ReadToken.Reference"/> reads it.</summary>
    public static string Reference(string messageId) => Base64Url(ReferenceOf(messageId));

    private static byte[] ReferenceOf(string messageId) => SHA256.HashData(Encoding.UTF8.GetBytes(messageId))[..ReferenceBytes];

    private byte[] Mac(MailActionKind kind, string messageId, string obligation, uint expires)
    {
        var canonical = $"mailops-action/{Version}\n{MailActionKinds.Name(kind)}\n{messageId}\n{obligation}\n{expires}";
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(canonical))[..MacBytes];
    }

    // Expiry to the second, within what four bytes hold (until 2106).
    private static uint Seconds(DateTimeOffset instant) => (uint)Math.Clamp(instant.ToUnixTimeSeconds(), 0, uint.MaxValue);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        if (text.Length == 0 || text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return null;
        }

        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", 0 => "", _ => "!" };
        try
        {
            // Only the one spelling: unused low bits set would otherwise read as the same bytes.
            var bytes = Convert.FromBase64String(padded);
            return Base64Url(bytes) == text ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
