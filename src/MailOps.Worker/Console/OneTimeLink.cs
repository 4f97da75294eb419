using System.Security.Cryptography;
using System.Text;

namespace MailOps.Worker.Web;

/// <summary>
/// The embedded default's way in: a random token (32 bytes from <see cref="RandomNumberGenerator"/>) made at start and
/// printed in the worker's log, exchanged once for a sign-in cookie. Only its hash is kept; a second use, or any
/// other token, is refused. A new link comes with every start.
/// </summary>
internal sealed class OneTimeLink
{
    private readonly byte[] _hash;
    private int _used;

    private OneTimeLink(string token)
    {
        Token = token;
        _hash = SHA256.HashData(Encoding.ASCII.GetBytes(token));
    }

    /// <summary>The token, for the line printed at start; never logged elsewhere.</summary>
    public string Token { get; }

    public bool Used => Volatile.Read(ref _used) == 1;

    public static OneTimeLink Create() => new(Base64Url(RandomNumberGenerator.GetBytes(32)));

    /// <summary>True once: for the right token, the first time it is shown.</summary>
    public bool TryRedeem(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return false;
        }

        var offered = SHA256.HashData(Encoding.ASCII.GetBytes(token));
        return CryptographicOperations.FixedTimeEquals(offered, _hash) && Interlocked.Exchange(ref _used, 1) == 0;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
