using System.Net.Http.Json;
using CounselorSuite.Tests.Exercises;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Homework;
using MimeKit;

namespace CounselorSuite.Tests.Homework;

public sealed class NotificationTextTests
{
    /// <summary>Words that would tell whoever reads a lock screen what the mail is about.</summary>
    private static async Task<List<string>> TopicWordsAsync(HttpClient staff)
    {
        var titles = (await staff.ListAsync("&includeArchived=true")).Select(e => e["title"]!.GetValue<string>());
        return titles
            .Concat(ExerciseVocabulary.Themes.SelectMany(t => new[] { t.Name, t.Value.ToString() }))
            .Concat(ExerciseVocabulary.Dimensions.SelectMany(d => new[] { d.Name, d.Value.ToString() }))
            .Concat(["therapy", "therapist", "counsel"])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private static void AssertNeutral(string text, IEnumerable<string> topicWords)
    {
        foreach (var word in topicWords)
        {
            Assert.False(text.Contains(word, StringComparison.OrdinalIgnoreCase), $"\"{text}\" contains \"{word}\"");
        }
    }

    [Fact]
    public async Task No_notification_text_names_an_exercise_a_theme_a_dimension_or_the_kind_of_help()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var exercise = await world.Counselor.NewExerciseAsync(HomeworkApi.SoloExercise("Our money talk"));
        var checkIn = await world.Counselor.BuiltInAsync(SafetyAlertTests.CheckIn);
        var words = await TopicWordsAsync(world.Counselor);
        Assert.Contains("Our money talk", words);

        foreach (var (subject, body) in NoticeTexts.All)
        {
            AssertNeutral(subject, words);
            AssertNeutral(body, words);
        }

        // The mails really sent along the way: new items, feedback, a safety alert.
        await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>());
        await world.Counselor.AssignAsync(world.CaseId, checkIn["id"]!.GetValue<Guid>());
        var riley = world.Clients[0].Client;
        var items = await riley.MyItemsAsync();
        var money = items.First(i => i["exerciseTitle"]!.GetValue<string>() == "Our money talk")["id"]!.GetValue<Guid>();
        await riley.SubmitOkAsync(money, HomeworkApi.Answers(exercise, "Answer text that must never be mailed"));
        var check = items.First(i => i["exerciseTitle"]!.GetValue<string>() == SafetyAlertTests.CheckIn)["id"]!.GetValue<Guid>();
        await riley.SubmitOkAsync(check, SafetyAlertTests.DangerAnswers(checkIn));
        await SafetyAlertNoticeTests.SendNoticeAsync(app, world.Practice.PracticeId, await SafetyAlertNoticeTests.OnlyOpenAlertAsync(world.Counselor));
        (await world.Counselor.PostAsJsonAsync($"/api/assignments/{money}/review", new { comment = "Feedback text that must never be mailed" })).EnsureSuccessStatusCode();

        var mails = new[] { world.Clients[0].Email, world.Clients[1].Email, world.CounselorEmail }
            .SelectMany(address => Directory.GetFiles(app.MailFolder).Select(f => MimeMessage.Load(f))
                .Where(m => m.To.Mailboxes.Any(b => b.Address.Equals(address, StringComparison.OrdinalIgnoreCase))))
            .Where(m => !(m.Subject ?? "").StartsWith("You're invited", StringComparison.Ordinal)) // the invitations feature's own mail
            .ToList();
        Assert.True(mails.Count >= 6, $"expected the new-item, feedback and alert mails, got {mails.Count}");
        foreach (var mail in mails)
        {
            var text = mail.Subject + "\n" + mail.TextBody;
            AssertNeutral(text, words.Concat(["must never be mailed", "phone"]));
        }
    }
}
