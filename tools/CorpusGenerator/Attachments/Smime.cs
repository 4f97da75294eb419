using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailOps.CorpusGenerator.Mime;
using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using BcAttribute = Org.BouncyCastle.Asn1.Cms.Attribute;

namespace MailOps.CorpusGenerator.Attachments;

/// <summary>
/// S/MIME signing for the corpus: a self-signed certificate made with <see cref="CertificateRequest"/> from a
/// fixed test key, a fixed serial number and a fixed signing time, so that every run writes the same bytes
/// (an RSA PKCS#1 v1.5 signature is deterministic). The key exists only to sign these fictitious messages.
/// </summary>
internal static class Smime
{
    public static MultipartSigned Detached(Person signer, MimeEntity entity, DateTimeOffset signingTime, string boundary)
    {
        using var context = new TemporarySecureMimeContext();
        var signed = MultipartSigned.Create(context, Signer(signer, signingTime), entity);
        signed.Boundary = boundary;
        return signed;
    }

    public static ApplicationPkcs7Mime Opaque(Person signer, MimeEntity entity, DateTimeOffset signingTime)
    {
        using var context = new TemporarySecureMimeContext();
        return ApplicationPkcs7Mime.Sign(context, Signer(signer, signingTime), entity);
    }

    private static CmsSigner Signer(Person person, DateTimeOffset signingTime)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(TestKey);
        var name = new X500DistinguishedNameBuilder();
        name.AddCountryOrRegion("CN");
        name.AddOrganizationName("示例集团");
        name.AddCommonName(person.Name ?? person.Address);
        name.AddEmailAddress(person.Address);
        var request = new CertificateRequest(name.Build(), rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(System.Security.Cryptography.X509Certificates.X509KeyUsageFlags.DigitalSignature | System.Security.Cryptography.X509Certificates.X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.4")], false));
        var alternative = new SubjectAlternativeNameBuilder();
        alternative.AddEmailAddress(person.Address);
        request.CertificateExtensions.Add(alternative.Build());
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));

        using var issued = request.Create(
            request.SubjectName,
            X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1),
            new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero),
            [0x2A, 0x51, 0x7E, 0x03, 0x19, 0x64, 0xC8, 0x05]);
        using var certificate = issued.CopyWithPrivateKey(rsa);

        var time = new BcAttribute(CmsAttributes.SigningTime, new DerSet(new Time(signingTime.UtcDateTime)));
        return new CmsSigner(certificate)
        {
            DigestAlgorithm = DigestAlgorithm.Sha256,
            SignedAttributes = new AttributeTable(new Asn1EncodableVector(time)),
        };
    }

    // A throwaway 2048-bit RSA key for the fictitious example.com signer; never used for anything else.
    private const string TestKey = """
        -----BEGIN PRIVATE KEY-----
        MIIEvwIBADANBgkqhkiG9w0BAQEFAASCBKkwggSlAgEAAoIBAQCmkRqujhp3bRMq
        UyLdpxfQuo0SEdrfxiadX+zeLpn8lF43NX+SnYrtyxOxFSc2EG8rfu7LIgAEIPeI
        KMUTPRm+8+/Ye1M2gQ9EtM8W6w+xCHGlOGGZPp6u9Oy53tPRMNYZsbJmxND2h98D
        gcfJDhSToAiFysS/CMKkx08h1cs33In88bJGHu3vGZlD652UAdRVmvdh2lwjbxhR
        ciwDvP+d8KBOSkP6CbQe1tGMRoBulSbw5Xkr4PuqOtYkF+SFIHJpEL1ITZcFwV5Z
        t8PseKEoOwukWm6V14tOskqIMHo6oFnXLXCJ1Esks/qxHiF6HMhvFqtPclb5nsKE
        JzPH4lLJAgMBAAECggEAECTgQSrkxc58nQ2Rw4n+dOyf37B7VlUOSRKTErXRlvmK
        aC93Pe6nGIUmU3OJaWQOYljbLDUPa1cGptvMviCd7jQWexT46792i2I68C24R6BZ
        43mjfAblum9iwmEmhpAFMFhYwj0xQ7PHmb9qbcI/nE9WhCEzEJD4zJ/Eu7LND4zY
        bjMzYJBBChec9mPhzXdn6CwmHJKHoLAQwN0rJMfQRmak7nYdkojXBNPe0jxTauwI
        myp/frX4Wh+Te/dsMeg8OooKi/nOQEejB+maBqWXMb8TK8M1sRm57buj+/O79zDm
        eELJ1rdRPHuup6IHlUeHZOw/ivcegsAV8cUDD+YQAQKBgQDeuyoqgJQOWWwsvSik
        bxq3o8rqlW3OiXsGnRWlbXfBajQr208PIJ5yooZQ/BOXOOGICvXXkLGzz25zqCLx
        vYSnCAGncHDZ8z+ZJ7gEDhApUh25HmLoHTeZW89B1lWk++rQxYxsk58IhXZRLyPY
        o86NOet3ymkIa7isSQQw2UElqQKBgQC/clF2NZj+w8HGPTdbv+/sWU6Bzqe1c5kW
        02W23wSOO9cUzr9lghuOUKvsAT2lNblIMzD5k98JTUJ8dRGjFr6w1DtfwcMtgx2v
        7xJfIiGfhUHhPXzyoUXeTZWVm56LSxZa6pDPWNJHoKecejZJL/k/OD8C3cFZHmYP
        ECLRFPO4IQKBgQDGgnXAT7ylVVmuPiD8/PEI/viZPvkQ/UMiz9o9CGWVgrxg4iOC
        TgYqEWQ4xZIIU2/eujYGHDXlFllQx2ftoIWcAOzIeNR7y+rA6798DbSlv0QyezyX
        t4KYMlV0Tj0iwEu2KntPQfqZs6mSDbubF9O91wNgToxyLt/23VTY3KjNkQKBgQCr
        RpMqtnjSNEBAIrRMGUOEp8Fc0I2qAGmNykLNgGiK925M50rEfco5YGLvGY0VKSNC
        PMor/ucjY0OAJRxKVCb1/GnCGY+MQClnJPPCuL5sAMQXxvLp/u6LG84fssH8zIiL
        fh9f4Y7/FfPeQlge0hSjQqbc4ZgBKvkTsNP1SlFhAQKBgQClQGmDXN+3N0tUt9/c
        VVimQUI5W4oBG9dK5qxyoDSUIE3Fr7QbM7rTbas8PAyd0rJxGHLMn9MZMfWvxFju
        PeE0mEPP9OxmdHhBDOtX/UI2t9OEeOMBOIfmAibDi8YvDw61JauoKwp/74OF545a
        zLO0YWDB3Dz1m1ei0EYRJSzVsQ==
        -----END PRIVATE KEY-----
        """;
}
