using System.Globalization;
using System.Security.Cryptography.X509Certificates;

namespace MailOps.Worker.Mailboxes.Graph;

/// <summary>
/// The warning an administrator needs before the app registration's certificate runs out: from
/// <see cref="Window"/> before its end (and after it, when MailOps can no longer sign in) it is logged once a day,
/// shown by <c>mailops status</c> and given one line at the foot of the digest. A secret, a managed identity or the
/// folder mailbox has no certificate to expire.
/// </summary>
internal static class CertificateExpiry
{
    /// <summary>How long before the certificate ends the warning starts.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    /// <summary>
    /// The warning for the certificate <paramref name="signIn"/> signs in with at <paramref name="now"/> (the object
    /// the credential holds, not the file read again), or null when there is nothing to say or no certificate.
    /// </summary>
    public static string? Warning(GraphSignIn? signIn, DateTimeOffset now) =>
        signIn?.Certificate is { } certificate ? Warning(certificate, now) : null;

    public static string? Warning(X509Certificate2 certificate, DateTimeOffset now) =>
        Warning(certificate.Subject, certificate.Thumbprint, new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero), now);

    /// <summary>The warning for a certificate that ends at <paramref name="notAfter"/>, or null while that is more than <see cref="Window"/> away.</summary>
    public static string? Warning(string subject, string thumbprint, DateTimeOffset notAfter, DateTimeOffset now)
    {
        var left = notAfter - now;
        if (left > Window)
        {
            return null;
        }

        var end = notAfter.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        return left <= TimeSpan.Zero
            ? $"The certificate MailOps signs in to Microsoft Graph with ({subject}, thumbprint {thumbprint}) expired on {end}: MailOps cannot read or send mail until a new one is uploaded to the app registration and set in {GraphMailboxOptions.Section}:CertificatePath or CertificateThumbprint."
            : string.Create(CultureInfo.InvariantCulture, $"The certificate MailOps signs in to Microsoft Graph with ({subject}, thumbprint {thumbprint}) expires on {end}, in {Math.Ceiling(left.TotalDays):0} day(s): upload a new one to the app registration and set it in {GraphMailboxOptions.Section}:CertificatePath or CertificateThumbprint before then.");
    }
}
