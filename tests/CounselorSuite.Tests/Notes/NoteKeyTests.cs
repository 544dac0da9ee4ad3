using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CounselorSuite.Web.Features.Notes;

namespace CounselorSuite.Tests.Notes;

[Trait("Category", "Fast")] // needs no database and no browser: scripts/test --fast runs it
public sealed class NoteKeyTests
{
    [Fact]
    public void With_a_certificate_the_notes_key_ring_on_disk_is_encrypted_and_useless_without_it()
    {
        var directory = Directory.CreateTempSubdirectory("cs-note-keys-").FullName;
        var pfx = Path.Combine(directory, "..", Path.GetFileName(directory) + ".pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=CounselorSuite notes test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx, "test-pass"));
        }
        var practice = Guid.NewGuid();
        var withCertificate = NoteProtector.Create(
            new NoteKeyOptions { KeyDirectory = directory, CertificateFile = pfx, CertificatePassword = "test-pass" }, AppContext.BaseDirectory);

        var ciphertext = withCertificate.Protect(practice, "Client disclosed a plan to leave.");

        var keyFile = Assert.Single(Directory.GetFiles(directory, "key-*.xml"));
        var xml = File.ReadAllText(keyFile);
        Assert.Contains("encryptedSecret", xml);
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        Assert.Equal("Client disclosed a plan to leave.", withCertificate.Unprotect(practice, ciphertext));

        var withoutCertificate = NoteProtector.Create(new NoteKeyOptions { KeyDirectory = directory }, AppContext.BaseDirectory);
        Assert.ThrowsAny<CryptographicException>(() => withoutCertificate.Unprotect(practice, ciphertext));
        // Another practice's purpose does not open it either.
        Assert.ThrowsAny<CryptographicException>(() => withCertificate.Unprotect(Guid.NewGuid(), ciphertext));
    }
}
