using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace CounselorSuite.Web.Features.Notes;

public sealed class NoteKeyOptions
{
    /// <summary>Where the notes' key ring lives: on disk, never in the database the notes are in.</summary>
    public string? KeyDirectory { get; set; }

    /// <summary>A PKCS#12 file whose certificate encrypts the key ring at rest (recommended in production).</summary>
    public string? CertificateFile { get; set; }
    public string? CertificatePassword { get; set; }
}

/// <summary>
/// Encrypts note text with its own data-protection key ring, separate from the app's (whose keys live in
/// the database and would travel with a dump). A stolen dump holds only ciphertext; reading it needs the
/// key directory and, when configured, the certificate that protects it. Each practice has its own
/// purpose, so a row copied into another practice does not decrypt.
/// </summary>
public sealed class NoteProtector
{
    public const string Purpose = "CounselorSuite.Notes.v1";
    private readonly IDataProtectionProvider _provider;

    public NoteProtector(IDataProtectionProvider provider) => _provider = provider;

    public static NoteProtector Create(NoteKeyOptions options, string contentRoot, ILogger? logger = null)
    {
        var directory = new DirectoryInfo(Path.GetFullPath(options.KeyDirectory ?? Path.Combine(".data", "note-keys"), contentRoot));
        X509Certificate2? certificate = null;
        if (!string.IsNullOrWhiteSpace(options.CertificateFile))
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(
                Path.GetFullPath(options.CertificateFile, contentRoot), options.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
            if (!certificate.HasPrivateKey)
            {
                throw new InvalidOperationException("Notes:CertificateFile must hold the certificate's private key.");
            }
        }
        else
        {
            logger?.LogWarning("Notes:CertificateFile is not set: the notes' key ring in {Directory} is not encrypted at rest.", directory.FullName);
        }
        var provider = DataProtectionProvider.Create(directory, builder =>
        {
            builder.SetApplicationName("CounselorSuite.Notes");
            if (certificate is not null)
            {
                // On Linux the certificate is not in a store, so unprotecting must be told about it too.
                builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
            }
        });
        return new NoteProtector(provider);
    }

    private IDataProtector For(Guid practiceId) => _provider.CreateProtector(Purpose, practiceId.ToString("N"));

    public byte[] Protect(Guid practiceId, string text) => For(practiceId).Protect(Encoding.UTF8.GetBytes(text));

    public string Unprotect(Guid practiceId, byte[] data) => Encoding.UTF8.GetString(For(practiceId).Unprotect(data));
}
