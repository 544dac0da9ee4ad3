using CounselorSuite.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CounselorSuite.BrowserTests.Journeys;

/// <summary>
/// Journeys 3 and 4: a weekly exercise for a couple, done by one partner on a phone and shared, by the
/// other and kept private; then the counselor's review, and what each partner may and may not read.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HomeworkJourney(BrowserHost host)
{
    private const string Exercise = "Keeping small promises";
    private const string HowMany = "Roughly how many small promises did you make this week, and how many did you keep?";
    private const string Slipped = "Which kinds of promises slipped most often?";
    private const string Reliable = "How reliable do you feel you were this week?";
    private const string LetKnow = "When plans changed, did you usually let the other person know in time?";
    private const string OneChange = "What one change would help you keep more of your small promises?";

    // Words only one partner writes, to look for where the other partner must not find them.
    private const string RileyCount = "Riley made about nine and kept seven";
    private const string RileyChange = "Riley will write promises in the shared calendar";
    private const string SamCount = "Sam made a dozen and kept most of them";
    private const string SamChange = "Sam would like fewer late evenings at work";
    private const string FeedbackForRiley = "Riley, the calendar idea is a good one";
    private const string FeedbackForSam = "Sam, thank you for being so candid";

    [Fact]
    public async Task A_weekly_exercise_is_done_on_a_phone_shared_by_one_partner_kept_private_by_the_other_and_each_sees_only_their_own_feedback()
    {
        var world = await CoupleWorld.CreateAsync(host.App);

        // Journey 3: assigning, doing, sharing and not sharing.
        await using (var journey = Journey.Start(host, "03-weekly-exercise"))
        {
            var counselor = await journey.OpenAsync(Viewport.Desktop);
            await journey.StepAsync(counselor, "counselor assigns a weekly exercise to both partners", async () =>
            {
                await counselor.SignInAsync(world.CounselorEmail);
                await counselor.AssignAsync(world.CaseUrl, Exercise, every: "Every week", count: 4,
                    firstDue: DateTimeOffset.UtcNow.AddDays(3), note: "Just a few lines each week.");
                var row = counselor.Locator("#assignments tbody tr").Filter(new() { HasText = Exercise });
                await Expect(row).ToContainTextAsync("Every week, 4 times");
                await Expect(row).ToContainTextAsync("Riley");
                await Expect(row).ToContainTextAsync("Sam");
            });

            var riley = await journey.OpenAsync(Viewport.Phone);
            await journey.StepAsync(riley, "Riley sees the task on her phone", async () =>
            {
                await riley.SignInAsync(world.Riley);
                await riley.WaitForPathAsync("/portal");
                await Expect(riley.Locator("#homework")).ToContainTextAsync(Exercise);
                await riley.OpenTaskAsync(Exercise);
                await Expect(riley.Locator("#item-status")).ToContainTextAsync("1 of 4");
                await Expect(riley.Locator(".counselor-note")).ToContainTextAsync("Just a few lines each week.");
                // A neutral tab title: the exercise's name is on the page only.
                await Expect(riley).ToHaveTitleAsync("Task");
            });
            var rileyTask = riley.Url;
            await journey.StepAsync(riley, "Riley answers half and the draft is saved", async () =>
            {
                await riley.AnswerForm().GetByLabel(HowMany).FillAsync(RileyCount);
                await riley.PickAsync(Reliable, "7");
                await riley.WaitForDraftSavedAsync();
            });
            await journey.StepAsync(riley, "after a reload her answers are still there", async () =>
            {
                await riley.ReloadAsync();
                await Expect(riley.AnswerForm().GetByLabel(HowMany)).ToHaveValueAsync(RileyCount);
                await Expect(riley.AnswerForm().GetByRole(AriaRole.Group, new() { Name = Reliable }).GetByLabel("7", new() { Exact = true })).ToBeCheckedAsync();
                await Expect(riley.Locator("[data-autosave-status]")).ToContainTextAsync("Last saved");
            });
            await journey.StepAsync(riley, "Riley finishes and sends it with a double tap", async () =>
            {
                await riley.PickAsync(Slipped, "Being on time");
                await riley.PickAsync(Slipped, "Errands");
                await riley.PickAsync(LetKnow, "Yes");
                await riley.AnswerForm().GetByLabel(OneChange).FillAsync(RileyChange);
                await riley.Locator("#submit").DblClickAsync();
                await Expect(riley.Locator("#my-answers")).ToBeVisibleAsync();
                await Expect(riley.Locator("#my-answers")).ToHaveCountAsync(1);
                await Expect(riley.Locator("#homework-form")).ToHaveCountAsync(0);
                await Expect(riley.Locator("#item-status")).ToContainTextAsync("Sent");
            });
            await journey.StepAsync(riley, "Riley shares it with Sam", async () =>
            {
                await Expect(riley.Locator("#share")).ToContainTextAsync("Only you and your counselor can read this.");
                await riley.GetByRole(AriaRole.Button, new() { Name = "Share with the others in my sessions" }).ClickAsync();
                await Expect(riley.Locator("#share")).ToContainTextAsync("You share this with the others in your sessions.");
                await Expect(riley.GetByRole(AriaRole.Button, new() { Name = "Stop sharing" })).ToBeVisibleAsync();
            });
            await journey.StepAsync(riley, "Riley's home shows it sent once and shared", async () =>
            {
                await riley.GotoAsync("/portal");
                var done = riley.Locator("ul[aria-labelledby=done] li");
                await Expect(done).ToHaveCountAsync(1);
                await Expect(done).ToContainTextAsync("Shared");
            });
            await journey.StepAsync(riley, "Riley's tasks page lists it the same way", async () =>
            {
                await riley.GotoAsync("/portal/homework");
                await Expect(riley).ToHaveTitleAsync("Tasks");
                var done = riley.Locator("ul[aria-labelledby=done] li");
                await Expect(done).ToHaveCountAsync(1);
                await Expect(done).ToContainTextAsync("Shared");
            });

            var sam = await journey.OpenAsync(Viewport.Desktop);
            await journey.StepAsync(sam, "Sam does his and keeps it private", async () =>
            {
                await sam.SignInAsync(world.Sam);
                await sam.OpenTaskAsync(Exercise);
                // What Riley shared is there for him to read, below his own form.
                await Expect(sam.Locator(".partner-answers")).ToContainTextAsync("Shared by Riley");
                await sam.AnswerForm().GetByLabel(HowMany).FillAsync(SamCount);
                await sam.PickAsync(Slipped, "Household tasks");
                await sam.PickAsync(Reliable, "5");
                await sam.PickAsync(LetKnow, "No");
                await sam.AnswerForm().GetByLabel(OneChange).FillAsync(SamChange);
                await sam.GetByRole(AriaRole.Button, new() { Name = "Send to my counselor" }).ClickAsync();
                await Expect(sam.Locator("#my-answers")).ToBeVisibleAsync();
                await Expect(sam.Locator("#share")).ToContainTextAsync("Only you and your counselor can read this.");
            });

            await journey.StepAsync(counselor, "counselor sees one submission from each", async () =>
            {
                await counselor.GotoAsync(world.SectionUrl("homework"));
                await counselor.Locator("#assignments").GetByRole(AriaRole.Link, new() { Name = Exercise }).ClickAsync();
                await counselor.WaitForURLAsync("**/counselor/homework/*");
                var item1 = counselor.Locator("#step-1");
                await Expect(item1.Locator("article.client-answers")).ToHaveCountAsync(2);
                await Expect(item1.Locator("article.client-answers dl.answer-list")).ToHaveCountAsync(2);
                await Expect(item1.GetByRole(AriaRole.Article, new() { Name = "Riley" })).ToContainTextAsync("shared with the partner");
                await Expect(item1.GetByRole(AriaRole.Article, new() { Name = "Sam" })).ToContainTextAsync("private");
            });
            var assignmentUrl = counselor.Url;

            // Journey 4: the counselor's review, and what each partner reads afterwards.
            await using var review = Journey.Start(host, "04-review-and-privacy");
            var reviewer = await review.OpenAsync(Viewport.Desktop);
            await review.StepAsync(reviewer, "counselor reads both and writes feedback", async () =>
            {
                await reviewer.SignInAsync(world.CounselorEmail);
                await reviewer.GotoAsync(assignmentUrl);
                var rileys = reviewer.Locator("#step-1").GetByRole(AriaRole.Article, new() { Name = "Riley" });
                var sams = reviewer.Locator("#step-1").GetByRole(AriaRole.Article, new() { Name = "Sam" });
                await Expect(rileys).ToContainTextAsync(RileyChange);
                await Expect(sams).ToContainTextAsync(SamChange);
                await rileys.GetByLabel("Feedback for Riley").FillAsync(FeedbackForRiley);
                await rileys.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
                await Expect(reviewer.Locator("#step-1").GetByRole(AriaRole.Article, new() { Name = "Riley" }).Locator(".feedback")).ToContainTextAsync(FeedbackForRiley);
                sams = reviewer.Locator("#step-1").GetByRole(AriaRole.Article, new() { Name = "Sam" });
                await sams.GetByLabel("Feedback for Sam").FillAsync(FeedbackForSam);
                await sams.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
                await Expect(reviewer.Locator("#step-1").GetByRole(AriaRole.Article, new() { Name = "Sam" }).Locator(".feedback")).ToContainTextAsync(FeedbackForSam);
            });

            var rileyAfter = await review.OpenAsync(Viewport.Phone);
            await review.StepAsync(rileyAfter, "Riley is told of a reply", async () =>
            {
                await rileyAfter.SignInAsync(world.Riley);
                await rileyAfter.WaitForPathAsync("/portal");
                await Expect(rileyAfter.Locator("#new-feedback")).ToHaveTextAsync("1 new reply from your counselor");
            });
            await review.StepAsync(rileyAfter, "Riley reads her feedback and never Sam's answers", async () =>
            {
                await rileyAfter.GotoAsync(rileyTask);
                await Expect(rileyAfter.Locator("#feedback")).ToContainTextAsync(FeedbackForRiley);
                await Expect(rileyAfter.Locator("#my-answers textarea").First).ToHaveValueAsync(RileyCount);
                await Expect(rileyAfter.Locator(".partner-answers")).ToHaveCountAsync(0);
                var html = await rileyAfter.ContentAsync();
                Assert.DoesNotContain(SamCount, html);
                Assert.DoesNotContain(SamChange, html);
                Assert.DoesNotContain(FeedbackForSam, html);
            });

            var samAfter = await review.OpenAsync(Viewport.Desktop);
            await review.StepAsync(samAfter, "Sam reads his feedback and what Riley shared", async () =>
            {
                await samAfter.SignInAsync(world.Sam);
                await samAfter.OpenTaskAsync(Exercise);
                await Expect(samAfter.Locator("#feedback")).ToContainTextAsync(FeedbackForSam);
                var shared = samAfter.Locator(".partner-answers");
                await Expect(shared).ToHaveCountAsync(1);
                await Expect(shared.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Shared by Riley");
                await Expect(shared.GetByLabel(OneChange)).ToHaveValueAsync(RileyChange);
                // The counselor's feedback to Riley is hers alone, shared answers or not.
                Assert.DoesNotContain(FeedbackForRiley, await samAfter.ContentAsync());
            });
        }
    }
}
