using CounselorSuite.Documents.Model;
using UglyToad.PdfPig.Exceptions;

namespace CounselorSuite.Documents.Tests;

[Trait("Category", "Fast")] // needs no database and no browser: scripts/test --fast runs it
public class SecurityTests
{
    private static readonly Handout Protected = new("Private", [new Paragraph("Only for you")])
    {
        Passwords = new PdfPasswords("client-secret", "owner-secret"),
    };

    [Fact]
    public void An_encrypted_pdf_cannot_be_opened_without_the_password()
    {
        byte[] pdf = HandoutRenderer.Render(Protected).Bytes;

        Assert.Throws<PdfDocumentEncryptedException>(() => PdfReading.Pages(pdf, password: ""));
        Assert.Throws<PdfDocumentEncryptedException>(() => PdfReading.Pages(pdf, password: "wrong"));
    }

    [Theory]
    [InlineData("client-secret")]
    [InlineData("owner-secret")]
    public void An_encrypted_pdf_opens_with_either_password(string password)
    {
        byte[] pdf = HandoutRenderer.Render(Protected).Bytes;

        PageText page = Assert.Single(PdfReading.Pages(pdf, password));
        Assert.Contains("Only for you", page.Text);
    }

    [Fact]
    public void Passwords_do_not_show_in_logs()
    {
        Assert.DoesNotContain("secret", Protected.Passwords!.ToString());
        Assert.DoesNotContain("secret", Protected.ToString());
    }
}
