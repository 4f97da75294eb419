using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailOps.Worker.Mailboxes;
using MailOps.Worker.Mailboxes.Graph;
using Microsoft.Extensions.Time.Testing;

namespace MailOps.Worker.Tests.Mailboxes.Graph;

/// <summary>When the administrator is told the Graph certificate is running out: from 30 days before the end of the one MailOps signs in with.</summary>
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

    [Theory]
    [InlineData("ten days left: warned", 10, "in 10 day(s)")]
    [InlineData("sixty days left: nothing yet", 60, null)]
    public void Warning_ComesFromTheCertificateTheSignInLoaded(string label, int daysLeft, string? says)
    {
        using var folder = new Support.TempFolder();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero));
        var graph = WithPfx(folder, "CN=MailOps expiring", time.GetUtcNow().AddDays(daysLeft));
        using var signIn = GraphSignIn.For(graph);

        var warning = CertificateExpiry.Warning(signIn, time.GetUtcNow());

        if (says is null)
        {
            warning.Should().BeNull(label);
        }
        else
        {
            warning.Should().Contain(says, label).And.Contain("CN=MailOps expiring").And.Contain(signIn.Certificate!.Thumbprint);
        }
    }

    [Fact]
    public void Warning_ReadsTheLoadedObject_NotTheFileAgain()
    {
        using var folder = new Support.TempFolder();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero));
        var graph = WithPfx(folder, "CN=MailOps in use", time.GetUtcNow().AddDays(10));
        using var signIn = GraphSignIn.For(graph);

        // Renewed on disk while MailOps runs: it still signs in with the one it loaded until it starts again, so that is the one to warn of.
        WithPfx(folder, "CN=MailOps renewed", time.GetUtcNow().AddYears(1));
        time.Advance(TimeSpan.FromDays(1));

        CertificateExpiry.Warning(signIn, time.GetUtcNow()).Should().Contain("CN=MailOps in use").And.Contain("in 9 day(s)");
    }

    [Fact]
    public void SignIn_WithACertificateThatCannotBeLoaded_RefusesInTheValidatorsSentence_NeverSilently()
    {
        using var folder = new Support.TempFolder();
        var graph = WithPfx(folder, "CN=MailOps", new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        graph.CertificatePassword = "wrong";

        var act = () => GraphSignIn.For(graph);

        var refused = act.Should().Throw<MailboxAccessException>().Which;
        refused.Message.Should().Be(GraphCertificate.Problem(graph)).And.StartWith($"MailOps:Mailbox:Graph:CertificatePath \"{graph.CertificatePath}\" is a PFX that");
        MailOps.Worker.Cli.CommandContext.ConfigurationFailures(refused).Should().Equal([refused.Message], "a command prints it as one line and exits 78");
    }

    [Fact]
    public void Warning_ForAClientSecretOrTheFolderMailbox_IsNothing()
    {
        using var secret = GraphSignIn.For(new GraphMailboxOptions { Credential = GraphCredentialKinds.ClientSecret, TenantId = "t", ClientId = "c", ClientSecret = "x" });

        secret.Certificate.Should().BeNull();
        CertificateExpiry.Warning(secret, NotAfter).Should().BeNull();
        CertificateExpiry.Warning((GraphSignIn?)null, NotAfter).Should().BeNull("the folder mailbox has no sign-in");
    }

    private static GraphMailboxOptions WithPfx(Support.TempFolder folder, string subject, DateTimeOffset notAfter)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using (var certificate = request.CreateSelfSigned(notAfter.AddYears(-1), notAfter))
        {
            File.WriteAllBytes(folder["mailops.pfx"], certificate.Export(X509ContentType.Pfx, "pw"));
        }

        return new GraphMailboxOptions
        {
            Credential = GraphCredentialKinds.Certificate,
            TenantId = "contoso.onmicrosoft.com",
            ClientId = "00000000-0000-0000-0000-000000000001",
            CertificatePath = folder["mailops.pfx"],
            CertificatePassword = "pw",
        };
    }
}
