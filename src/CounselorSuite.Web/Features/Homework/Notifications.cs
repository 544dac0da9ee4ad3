using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace CounselorSuite.Web.Features.Homework;

public enum Notice { NewItem, NewFeedback, DueSoon, Overdue, ClientNeedsAttention, AppointmentSoon }

/// <summary>
/// Every text a notification can carry, in one place so a test can read them all. They never name an
/// exercise, a theme, an answer, the practice (its name may say what it does) or the kind of help: a
/// phone's lock screen is read by whoever holds the phone.
/// </summary>
public static class NoticeTexts
{
    /// <param name="due">
    /// For reminders: when the item is due, or when the appointment starts, written in the recipient's own
    /// time zone. A time says nothing of the topic.
    /// </param>
    public static (string Subject, string Body) For(Notice notice, string? due = null) => notice switch
    {
        Notice.NewItem => ("New item", "You have a new item in your portal.\n\nSign in to see it."),
        Notice.NewFeedback => ("New item", "You have a new item in your portal.\n\nSign in to see it."),
        Notice.DueSoon => ("Reminder", (due is null ? "An item in your portal is due soon." : $"An item in your portal is due soon, by {due}.") + "\n\nSign in to see it."),
        Notice.Overdue => ("Reminder", "An item in your portal is waiting for you." + (due is null ? "" : $" It was due {due}.") + "\n\nSign in to see it."),
        Notice.ClientNeedsAttention => ("Attention needed", "A client needs your attention.\n\nSign in to see more."),
        // "Appointment", as a dentist or a bank would write: no word for what the meeting is about, no place.
        Notice.AppointmentSoon => ("Reminder", (due is null ? "You have an appointment soon." : $"You have an appointment on {due}.") + "\n\nSign in to your portal for the details."),
        _ => throw new ArgumentOutOfRangeException(nameof(notice)),
    };

    public static IEnumerable<(string Subject, string Body)> All =>
        Enum.GetValues<Notice>().SelectMany(n => new[] { For(n), For(n, "Tue 8 Dec, 3:00 pm") }).Distinct();
}

/// <summary>
/// Tells people something happened, without saying what. Email now; another channel later implements
/// this with the same texts.
/// </summary>
public interface INotificationSender
{
    /// <summary>Sends the notice to each of these users (of the current practice) who can receive it.</summary>
    /// <param name="due">For a reminder to one person: the due time in that person's own words and zone.</param>
    Task SendAsync(IReadOnlyCollection<Guid> userIds, Notice notice, CancellationToken ct, string? due = null);
}

internal sealed class EmailNotificationSender(AppDbContext db, IMailSender mail, ILogger<EmailNotificationSender> logger) : INotificationSender
{
    public async Task SendAsync(IReadOnlyCollection<Guid> userIds, Notice notice, CancellationToken ct, string? due = null)
    {
        if (userIds.Count == 0)
        {
            return;
        }
        var ids = userIds.Distinct().ToList();
        // People invited with a username only have no address: they see the item when they next sign in.
        var addresses = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.Email != null)
            .Select(u => u.Email!).ToListAsync(ct);
        var (subject, body) = NoticeTexts.For(notice, due);
        foreach (var address in addresses)
        {
            try
            {
                await mail.SendAsync(new OutgoingMail(address, subject, body), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // What the notice is about is saved already; a failed mail must not undo or fail it.
                logger.LogWarning(e, "A {Notice} notice could not be sent", notice);
            }
        }
    }
}
