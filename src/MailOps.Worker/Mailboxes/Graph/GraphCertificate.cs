using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MailOps.Worker.Mailboxes.Graph;

/// <summary>
/// The certificate <c>Credential=Certificate</c> signs in with: a PFX file opened with its password, or one found by
/// thumbprint in the current user's or the machine's personal store. The options validator loads it once at start,
/// so a file that is missing, unreadable, not a certificate, opened with the wrong password or without its private
/// key stops the worker there (exit 78) in one sentence naming the key and the file, not at the first beat.
/// </summary>
internal static class GraphCertificate
{
    private const string S = GraphMailboxOptions.Section;

    /// <summary>The certificate, or null and the sentence that says why it cannot be used and what to do.</summary>
    public static (X509Certificate2? Certificate, string? Problem) Load(GraphMailboxOptions o) =>
        string.IsNullOrWhiteSpace(o.CertificatePath) ? FromStore(o.CertificateThumbprint ?? "") : FromFile(o.CertificatePath, o.CertificatePassword);

    /// <summary>Why the configured certificate cannot be used, or null when it can.</summary>
    public static string? Problem(GraphMailboxOptions o)
    {
        var (certificate, problem) = Load(o);
        certificate?.Dispose();
        return problem;
    }

    private static (X509Certificate2?, string?) FromFile(string path, string? password)
    {
        var key = $"{S}:CertificatePath \"{path}\"";
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return (null, $"{key} does not exist.");
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return (null, $"{key} cannot be read by the user {Environment.UserName} ({ex.Message}); give that user read access to it.");
        }
        catch (CryptographicException)
        {
            return (null, $"{key} {WhyNotAPfx(path)}");
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            return (null, $"{key} holds no private key; export the app registration's certificate with its private key as a .pfx file.");
        }

        return (certificate, null);
    }

    // A PFX that will not open is either the wrong password or not a PFX at all; say which, never the password itself.
    private static string WhyNotAPfx(string path)
    {
        X509ContentType type;
        try
        {
            type = X509Certificate2.GetCertContentType(path);
        }
        catch (CryptographicException)
        {
            type = X509ContentType.Unknown;
        }

        return type switch
        {
            X509ContentType.Pkcs12 => $"is a PFX that {S}:CertificatePassword does not open; set the password it was exported with (empty when it has none).",
            X509ContentType.Cert or X509ContentType.SerializedCert or X509ContentType.Pkcs7 =>
                "is a certificate without its private key; export it with the private key as a .pfx file (PKCS#12).",
            _ => "is not a certificate; it must be a .pfx file (PKCS#12) holding the app registration's certificate and its private key.",
        };
    }

    private static (X509Certificate2?, string?) FromStore(string thumbprint)
    {
        thumbprint = thumbprint.Replace(" ", "", StringComparison.Ordinal);
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            try
            {
                using var store = new X509Store(StoreName.My, location);
                store.Open(OpenFlags.ReadOnly);
                var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
                if (found.Count > 0)
                {
                    return found[0].HasPrivateKey
                        ? (found[0], null)
                        : (null, $"{S}:CertificateThumbprint {thumbprint}: the certificate in the {location} personal (My) store has no private key; import it with its private key.");
                }
            }
            catch (Exception ex) when (ex is CryptographicException or PlatformNotSupportedException)
            {
                // Linux has no machine-wide personal store; the current user's is the only one there.
            }
        }

        return (null, $"{S}:CertificateThumbprint {thumbprint}: no such certificate in the current user's or the machine's personal (My) store; import it there, or use {S}:CertificatePath.");
    }
}
