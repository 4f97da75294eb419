using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Mailboxes.Graph;

namespace MailOps.Worker.Tests.Mailboxes.Graph;

/// <summary>When the administrator is told the Graph certificate is running out: from 30 days before its end.</summary>
public sealed class CertificateExpiryTests
{
    private static readonly DateTimeOffset NotAfter = new(2026, 12, 31, 16, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("31 days before: nothing yet", 31 * 24, null)]
    [InlineData("30 days before: it starts", 30 * 24, "in 30 day(s)")]
    [InlineData("half a day before: a day", 12, "in 1 day(s)")]
    [InlineData("at its end: expired", 0, "expired on 2026-12-31 16:00 UTC")]
    [InlineData("after its end: expired", -48, "cannot read or send mail")]
    public void Warning_FromThirtyDaysBeforeItsEnd_SaysWhenAndWhatToDo(string edge, int hoursBefore, string? says)
    {
        var warning = CertificateExpiry.Warning("CN=MailOps", "AB12", NotAfter, NotAfter.AddHours(-hoursBefore));

        if (says is null)
        {
            warning.Should().BeNull(edge);
        }
        else
        {
            warning.Should().Contain(says, edge).And.Contain("CN=MailOps").And.Contain("AB12").And.Contain("MailOps:Mailbox:Graph:Certificate");
        }
    }

    [Fact]
    public void Warning_ForAClientSecretOrTheFolderMailbox_IsNothing()
    {
        var graph = new GraphMailboxOptions { Credential = GraphCredentialKinds.ClientSecret, ClientSecret = "x" };

        CertificateExpiry.Warning(new MailboxOptions { Kind = "Graph" }, graph, NotAfter).Should().BeNull();
        CertificateExpiry.Warning(new MailboxOptions(), graph, NotAfter).Should().BeNull();
    }

    [Fact]
    public void Warning_ForTheConfiguredPfx_ReadsItsEnd()
    {
        using var folder = new Support.TempFolder();
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=MailOps expiring", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using (var certificate = request.CreateSelfSigned(NotAfter.AddYears(-1), NotAfter))
        {
            File.WriteAllBytes(folder["mailops.pfx"], certificate.Export(X509ContentType.Pfx, "pw"));
        }

        var graph = new GraphMailboxOptions { Credential = GraphCredentialKinds.Certificate, CertificatePath = folder["mailops.pfx"], CertificatePassword = "pw" };

        CertificateExpiry.Warning(new MailboxOptions { Kind = "Graph" }, graph, NotAfter.AddDays(-10))
            .Should().Contain("CN=MailOps expiring").And.Contain("in 10 day(s)");
    }
}
