using System.Security.Cryptography;
using System.Text;

namespace MailOps.Worker.Store;

/// <summary>
/// Keys the store indexes must stay short (LiteDB refuses an index key over 1,023 bytes), yet a Message-ID or a
/// display name from the internet can be any length. A value short enough is its own key, so keys written before
/// stay valid; a longer one is keyed by its SHA-256, and the document keeps the original.
/// </summary>
internal static class StoreKeys
{
    /// <summary>The longest value, in UTF-8 bytes, kept as its own key.</summary>
    public const int MaxBytes = 256;

    private const string HashPrefix = "sha256:";

    public static string Of(string value) =>
        Encoding.UTF8.GetByteCount(value) <= MaxBytes && !value.StartsWith(HashPrefix, StringComparison.Ordinal)
            ? value
            : HashPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
