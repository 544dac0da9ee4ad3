using System.Text.RegularExpressions;
using MimeKit;

namespace CounselorSuite.BrowserTests.Infrastructure;

/// <summary>The app's mail pickup folder, read the way a person reads their inbox: newest message to an address.</summary>
public sealed partial class Mailbox(string folder)
{
    public async Task<MimeMessage> LatestToAsync(string address, TimeSpan? wait = null)
    {
        var deadline = DateTime.UtcNow + (wait ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            if (Directory.Exists(folder))
            {
                var latest = Directory.GetFiles(folder, "*.eml")
                    .Select(path => (Path: path, Message: MimeMessage.Load(path)))
                    .Where(m => m.Message.To.Mailboxes.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase)))
                    .OrderByDescending(m => m.Path, StringComparer.Ordinal)
                    .Select(m => m.Message)
                    .FirstOrDefault();
                if (latest is not null)
                {
                    return latest;
                }
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"No mail to {address} arrived in {folder}.");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>The invitation link in the newest invitation to this address.</summary>
    public async Task<string> InvitationLinkToAsync(string address)
    {
        var message = await LatestToAsync(address);
        var match = InvitationLink().Match(message.TextBody ?? "");
        return match.Success ? match.Value : throw new Xunit.Sdk.XunitException($"The mail to {address} has no invitation link:\n{message.TextBody}");
    }

    /// <summary>The link in the newest registration mail to this address.</summary>
    public async Task<string> RegistrationLinkToAsync(string address)
    {
        var message = await LatestToAsync(address);
        var match = RegistrationLink().Match(message.TextBody ?? "");
        return match.Success ? match.Value : throw new Xunit.Sdk.XunitException($"The mail to {address} has no registration link:\n{message.TextBody}");
    }

    [GeneratedRegex(@"https?://\S+/account/confirm-registration\?token=\S+")]
    private static partial Regex RegistrationLink();

    [GeneratedRegex(@"https?://\S+/invitations/accept\?token=\S+")]
    private static partial Regex InvitationLink();
}
