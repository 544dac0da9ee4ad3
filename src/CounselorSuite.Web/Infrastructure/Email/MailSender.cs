using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CounselorSuite.Web.Infrastructure.Email;

public sealed class MailOptions
{
    /// <summary>
    /// The sender's address. Whoever sees a client's inbox sees it: the default names neither the product nor
    /// counseling, and an installation sets its own neutral address (Mail__From).
    /// </summary>
    public string From { get; set; } = "no-reply@portal.localhost";
    public string FromName { get; set; } = "Secure portal";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }

    /// <summary>
    /// Mail names people and says that they have something waiting: it goes to the SMTP server encrypted
    /// (TLS on connect for port 465, else STARTTLS), or not at all. Only Mail__RequireTls=false allows
    /// a plain connection, for a relay on the same host.
    /// </summary>
    public bool RequireTls { get; set; } = true;

    public SecureSocketOptions SocketOptions => !RequireTls ? SecureSocketOptions.StartTlsWhenAvailable
        : SmtpPort == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;

    /// <summary>Where mail goes as .eml files when no SMTP server is configured, so nothing is dropped.</summary>
    public string PickupDirectory { get; set; } = Path.Combine(".data", "mail");
}

public sealed record OutgoingMail(string To, string Subject, string TextBody);

public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}

/// <summary>
/// Sends through SMTP when configured, otherwise writes .eml files into the pickup folder. Callers pass
/// only neutral subjects and bodies: mail is read on shared screens and lock screens.
/// </summary>
public sealed class MailSender(IOptions<MailOptions> options, ILogger<MailSender> logger) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(o.FromName, o.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.TextBody };

        if (string.IsNullOrWhiteSpace(o.SmtpHost))
        {
            Directory.CreateDirectory(o.PickupDirectory);
            var path = Path.Combine(o.PickupDirectory, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(path, cancellationToken);
            logger.LogInformation("Mail written to the pickup folder {Path}", path);
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(o.SmtpHost, o.SmtpPort, o.SocketOptions, cancellationToken);
        if (!string.IsNullOrEmpty(o.SmtpUser))
        {
            await client.AuthenticateAsync(o.SmtpUser, o.SmtpPassword ?? "", cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}
