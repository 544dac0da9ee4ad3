using System.Net;
using System.Net.Http.Json;
using CounselorSuite.Tests.Homework;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Handouts;
using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Pages.Portal;
using CounselorSuite.Web.Pages.Portal.Homework;

namespace CounselorSuite.Tests.Pages;

/// <summary>What a client's screen shows around the work: the portal's name and footer, Help, and who reads what.</summary>
public sealed class PortalLookTests
{
    [Fact]
    public async Task A_new_practice_portal_shows_a_neutral_name_no_practice_name_and_no_footer()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var client = await Browser.SignedInAsync(app, world.Clients[0].Email);
        using var admin = await Browser.SignedInAsync(app, world.Practice.Email);

        var portal = await client.PageAsync("/portal");

        Assert.Contains($"<span class=\"brand\">{Practice.DefaultPortalName}</span>", portal);
        Assert.DoesNotContain("Test Practice", portal);
        Assert.DoesNotContain("id=\"portal-footer\"", portal);
        Assert.Equal(Practice.DefaultPortalName, Html.ValueOf(await admin.PageAsync("/admin"), "Settings_PortalName"));
    }

    [Theory]
    [InlineData("Harbor Counseling", "", "Settings.PortalName", "counsel")]
    [InlineData("Riverside portal", "Riverside Family Therapy", "Settings.PortalFooter", "therap")]
    [InlineData("Safe at home", "", "Settings.PortalName", "safe")]
    public async Task A_portal_name_or_footer_that_gives_the_topic_away_is_refused_next_to_its_field(
        string name, string footer, string field, string word)
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var admin = await Browser.SignedInAsync(app, world.Practice.Email);
        using var client = await Browser.SignedInAsync(app, world.Clients[0].Email);

        var response = await admin.PostFormAsync("/admin", AdminPageTests.Settings(portalName: name, portalFooter: footer), "?handler=Settings");

        await response.EnsureStatusAsync(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches($"data-valmsg-for=\"{field.Replace(".", "\\.")}\"[^>]*>[^<]*what the portal is for", html);
        Assert.Contains(word, html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"<span class=\"brand\">{Practice.DefaultPortalName}</span>", await client.PageAsync("/portal"));
    }

    [Fact]
    public async Task Every_portal_page_and_the_sign_in_page_have_the_help_link_and_the_quick_exit()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.NewExerciseAsync();
        await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>());
        var item = await world.Clients[0].Client.OnlyItemIdAsync();
        using var anonymous = new Browser(app);
        using var client = await Browser.SignedInAsync(app, world.Clients[0].Email);

        var before = new[] { "/account/login", "/account/signed-out", "/help" };
        var after = new[]
        {
            "/portal", "/portal/homework", $"/portal/homework/{item}", "/portal/sessions", "/portal/progress", "/portal/my-data",
            "/portal/handouts", "/account/security", "/help",
        };
        foreach (var (browser, url) in before.Select(u => (anonymous, u)).Concat(after.Select(u => (client, u))))
        {
            var html = await browser.PageAsync(url);
            Assert.True(html.Contains("<a id=\"help-link\" href=\"/help\">Help</a>") || html.Contains("<a href=\"/help\" id=\"help-link\">Help</a>"),
                $"{url} has no Help link in its header");
            Assert.Contains("id=\"quick-exit\"", html);
            Assert.True(html.IndexOf("help-link", StringComparison.Ordinal) < html.IndexOf("<main", StringComparison.Ordinal), url);
        }
    }

    [Fact]
    public async Task The_help_page_before_sign_in_names_no_practice_no_topic_and_no_product()
    {
        var app = await TestApp.SharedAsync();
        using var anonymous = new Browser(app);

        var html = await anonymous.PageAsync("/help");

        Assert.Equal("Help", Html.Title(html));
        Assert.Contains("local emergency number", html);
        Assert.Contains("Quick exit", Html.Section(html, "quick-exit-help"));
        Assert.Contains("history", Html.Section(html, "history-help"));
        Assert.DoesNotContain("counsel", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("therap", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("id=\"practice-help\"", html);
    }

    [Fact]
    public async Task The_help_page_shows_the_practice_list_to_its_client_and_the_home_page_only_links_to_it()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var admin = await Browser.SignedInAsync(app, world.Practice.Email);
        using var client = await Browser.SignedInAsync(app, world.Clients[0].Email);
        var saved = await admin.PostFormAsync("/admin", AdminPageTests.Settings(help: "- **Helpline:** 555 0199", minutes: "20"), "?handler=Settings");
        await saved.EnsureStatusAsync(HttpStatusCode.Redirect);

        var page = await client.PageAsync("/help");

        Assert.Contains("<strong>Helpline:</strong> 555 0199", Html.Section(page, "help"));
        Assert.Contains("after 20 minutes without activity", page);
        Assert.DoesNotContain("Helpline", await client.PageAsync("/portal"));
    }
}

/// <summary>The sentence next to the exercise's buttons says what the code does with a saved draft.</summary>
public sealed class WhoCanReadTests
{
    private static ExerciseVersion Version(bool screening, bool safetyPrompt) => new()
    {
        Title = "T", Summary = "S", Instructions = "I", SafetyScreening = screening,
        Prompts = [new ExercisePrompt { Id = Guid.NewGuid(), Kind = PromptKind.YesNo, Text = "Q",
            Safety = safetyPrompt ? new PromptSafety { DangerAnswers = ["No"] } : null }],
    };

    [Fact]
    public void Alone_in_a_case_the_sentence_speaks_of_save_and_the_counselor_only()
    {
        var sentence = ItemModel.WhoCanReadSentence(Version(false, false), partners: false);

        Assert.StartsWith("Save keeps your answers", sentence);
        Assert.Contains("sees only that you started, not what you wrote.", sentence);
        Assert.DoesNotContain("others in your sessions", sentence);
        Assert.DoesNotContain("not be safe", sentence);
    }

    [Fact]
    public void A_screening_says_a_safety_answer_alerts_even_unsent_and_partners_never_see_it()
    {
        var sentence = ItemModel.WhoCanReadSentence(Version(true, true), partners: true);

        Assert.Contains("an answer saying you may not be safe lets them know at once", sentence);
        Assert.Contains("The others in your sessions never see these answers.", sentence);
    }

    [Fact]
    public void An_ordinary_couple_exercise_says_partners_read_only_what_is_shared()
    {
        var sentence = ItemModel.WhoCanReadSentence(Version(false, false), partners: true);

        Assert.Contains("see nothing you write unless you share it after sending", sentence);
    }

    [Fact]
    public async Task What_the_sentence_promises_holds_a_saved_draft_reaches_neither_the_counselor_nor_the_partner()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var exercise = await world.Counselor.NewExerciseAsync();
        var assignment = await world.Counselor.AssignAsync(world.CaseId, exercise["id"]!.GetValue<Guid>());
        var id = (await world.Clients[0].Client.MyItemsAsync()).Single()["id"]!.GetValue<Guid>();
        using var riley = await Browser.SignedInAsync(app, world.Clients[0].Email);
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);
        using var quinn = await Browser.SignedInAsync(app, world.Clients[1].Email);

        var page = await riley.PageAsync($"/portal/homework/{id}");
        Assert.Contains("see nothing you write unless you share it after sending", Html.TextOf(page, "who-can-read"));
        var saved = await riley.PostFormAsync($"/portal/homework/{id}",
            new() { [$"answers[{HomeworkApi.PromptId(exercise, "Text")}]"] = "Draft words only I may read" }, "?handler=Save");
        await saved.EnsureStatusAsync(HttpStatusCode.Redirect);

        var counselorPage = await counselor.PageAsync($"/counselor/homework/{assignment["id"]}");
        Assert.DoesNotContain("Draft words only I may read", counselorPage);
        // The counselor learns that the item was started, never the draft's words.
        var detail = (await world.Counselor.DetailAsync(assignment["id"]!.GetValue<Guid>())).ToJsonString();
        Assert.Contains("\"InProgress\"", detail);
        Assert.DoesNotContain("Draft words only I may read", detail);
        Assert.DoesNotContain("Draft words only I may read", await quinn.PageAsync("/portal"));
        Assert.Contains("Draft words only I may read", await riley.PageAsync($"/portal/homework/{id}"));
    }
}

/// <summary>Documents say their date and state in words.</summary>
public sealed class DocumentStateTests
{
    private static HandoutResponse Handout(string status, DateTimeOffset? renderAfter = null) => new(
        Guid.NewGuid(), status, DateTimeOffset.UtcNow, null, null, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 12, 8),
        false, false, "A4", null, null, null, "handout-2026-12-08.pdf", null, renderAfter);

    [Theory]
    [InlineData("Ready", false, "Ready")]
    [InlineData("Queued", false, "Being prepared for your session on Tue 8 Dec")]
    [InlineData("Running", false, "Being prepared for your session on Tue 8 Dec")]
    [InlineData("Queued", true, "Being prepared for your session on Tue 8 Dec")]
    [InlineData("Failed", false, "Not ready yet")]
    public void Each_state_reads_as_words(string status, bool nightly, string expected)
    {
        var (state, detail) = HandoutsModel.StateOf(Handout(status, nightly ? DateTimeOffset.UtcNow : null));

        Assert.Equal(expected, state);
        if (status != "Ready")
        {
            Assert.DoesNotContain(status, state + detail); // no job status name shows through
        }
        if (nightly)
        {
            Assert.Contains("the day before", detail);
        }
    }

    [Fact]
    public async Task A_handout_being_made_shows_its_date_and_state_in_the_clients_documents()
    {
        var app = await TestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.NewExerciseAsync();
        var made = await world.Counselor.PostAsJsonAsync("/api/handouts", new
        {
            caseId = world.CaseId, exerciseIds = new[] { exercise["id"]!.GetValue<Guid>() }, includeProgress = false, discreet = true,
            sessionDate = "2026-12-08",
        });
        await made.EnsureStatusAsync(HttpStatusCode.Accepted);
        using var client = await Browser.SignedInAsync(app, world.Clients[0].Email);

        var html = await client.PageAsync("/portal/handouts");

        Assert.Contains("Tue 8 Dec 2026", html);
        Assert.Contains("Being prepared for your session on Tue 8 Dec", html);
        Assert.DoesNotContain("Queued", html);
    }
}
