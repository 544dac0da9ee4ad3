using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CounselorSuite.Documents.Tests;
using CounselorSuite.Tests.Infrastructure;
using Npgsql;

namespace CounselorSuite.Tests.Handouts;

public sealed class HandoutPageTests
{
    private static async Task<Guid> ComposeByFormAsync(Browser browser, Guid caseId, Dictionary<string, string> fields)
    {
        var response = await browser.PostFormAsync($"/counselor/cases/{caseId}/handouts/new", fields);
        await response.EnsureStatusAsync(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/counselor/handouts/", location);
        return Guid.Parse(location["/counselor/handouts/".Length..]);
    }

    private static async Task<List<Guid>> BatchIdsAsync(TestApp app, Guid batchId)
    {
        await using var conn = await app.Database.OpenAsOwnerAsync();
        await using var read = new NpgsqlCommand("SELECT id FROM handouts WHERE batch_id = @b ORDER BY id", conn);
        read.Parameters.AddWithValue("b", batchId);
        var ids = new List<Guid>();
        await using var r = await read.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            ids.Add(r.GetGuid(0));
        }
        return ids;
    }

    [Fact]
    public async Task Counselor_makes_a_handout_from_the_case_page_watches_it_become_ready_and_downloads_it()
    {
        var app = await HandoutTestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var exercise = await world.Counselor.ExerciseAsync("Evening talk", "Talk for ten minutes.");
        using var browser = await Browser.SignedInAsync(app, world.CounselorEmail);
        var casePage = await browser.PageAsync($"/counselor/cases/{world.CaseId}/handouts");
        Assert.Contains($"/counselor/cases/{world.CaseId}/handouts/new", casePage);
        var form = await browser.PageAsync($"/counselor/cases/{world.CaseId}/handouts/new");
        Assert.Contains("Evening talk", form);

        var batchId = await ComposeByFormAsync(browser, world.CaseId, new()
        {
            ["Form.ExerciseIds"] = exercise.ToString(), ["Form.SessionDate"] = "2026-11-27", ["Form.Paper"] = "A4",
            ["Form.Note"] = "See you soon.",
        });

        var waiting = await browser.PageAsync($"/counselor/handouts/{batchId}");
        Assert.Contains("0 of 2 ready", waiting);
        Assert.Contains("<noscript><meta http-equiv=\"refresh\" content=\"5\" /></noscript>", waiting);
        Assert.Contains("/js/handout-status.js", waiting);
        var status = await browser.GetAsync($"/counselor/handouts/{batchId}?handler=Status");
        await status.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Contains("\"total\":2", await status.Content.ReadAsStringAsync());

        var ids = await BatchIdsAsync(app, batchId);
        foreach (var id in ids)
        {
            await app.RunJobAsync(world.Practice.PracticeId, id);
        }
        var ready = await browser.PageAsync($"/counselor/handouts/{batchId}");
        Assert.Contains("2 of 2 ready", ready);
        Assert.DoesNotContain("http-equiv=\"refresh\"", ready);
        Assert.Contains("handout-2026-11-27.pdf", ready);

        var download = await browser.GetAsync($"/counselor/handouts/{batchId}?handler=Pdf&id={ids[0]}");
        await download.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Contains("See you soon.", Pdf.Open(await download.Content.ReadAsByteArrayAsync()).Text);
    }

    [Fact]
    public async Task The_form_shows_what_is_wrong_and_makes_nothing()
    {
        var app = await HandoutTestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var browser = await Browser.SignedInAsync(app, world.CounselorEmail);

        var response = await browser.PostFormAsync($"/counselor/cases/{world.CaseId}/handouts/new", new()
        {
            ["Form.SessionDate"] = "2026-11-27", ["Form.Paper"] = "A4", ["Form.Note"] = new string('x', 5001),
        });

        await response.EnsureStatusAsync(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Choose at least one exercise, or include progress.", html);
        Assert.Contains("at most 5000 characters", html);
        await using var conn = await app.Database.OpenAsOwnerAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM handouts WHERE practice_id = @p", conn);
        count.Parameters.AddWithValue("p", world.Practice.PracticeId);
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_generated_password_is_shown_once_and_a_failed_handout_can_be_retried_from_the_page()
    {
        var app = await HandoutTestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.ExerciseAsync("Evening talk", "Talk for ten minutes.");
        using var browser = await Browser.SignedInAsync(app, world.CounselorEmail);
        var batchId = await ComposeByFormAsync(browser, world.CaseId, new()
        {
            ["Form.ExerciseIds"] = exercise.ToString(), ["Form.SessionDate"] = "2026-11-27", ["Form.Paper"] = "Letter", ["Form.GeneratePassword"] = "true",
        });

        var first = await browser.PageAsync($"/counselor/handouts/{batchId}");
        var password = Html.TextOf(first, "handout-password");
        Assert.Matches("^[a-z0-9]{4}(-[a-z0-9]{4}){3}$", password);
        Assert.DoesNotContain(password, await browser.PageAsync($"/counselor/handouts/{batchId}"));

        var id = (await BatchIdsAsync(app, batchId)).Single();
        await using (var conn = await app.Database.OpenAsOwnerAsync())
        {
            await using var fail = new NpgsqlCommand("UPDATE handouts SET status = 'Failed', error = 'The handout could not be made just now.' WHERE id = @id", conn);
            fail.Parameters.AddWithValue("id", id);
            await fail.ExecuteNonQueryAsync();
        }
        var failed = await browser.PageAsync($"/counselor/handouts/{batchId}");
        Assert.Contains("could not be made just now", failed);
        Assert.Contains(">Retry<", failed);

        var retry = await browser.PostFormAsync($"/counselor/handouts/{batchId}", new(), $"?handler=Retry&id={id}");
        await retry.EnsureStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("Queued", await world.Counselor.StatusAsync(id));
        await app.RunJobAsync(world.Practice.PracticeId, id);
        var (pdf, _) = await world.Counselor.DownloadAsync(id);
        Assert.Contains("Talk for ten minutes.", Pdf.Open(pdf, password).Text);
    }

    [Fact]
    public async Task Each_partner_finds_their_own_copy_in_the_portal_and_cannot_download_the_others()
    {
        var app = await HandoutTestApp.SharedAsync();
        var world = await app.CreateWorldAsync("Couple");
        var exercise = await world.Counselor.ExerciseAsync("Evening talk", "Talk for ten minutes.");
        var created = await world.Counselor.ComposeAsync(new { caseId = world.CaseId, exerciseIds = new[] { exercise }, includeProgress = false, discreet = true, sessionDate = "2026-11-27" });
        var byClient = created["handouts"]!.AsArray().ToDictionary(h => h!["clientId"]!.GetValue<Guid>(), h => h!["id"]!.GetValue<Guid>());
        foreach (var id in byClient.Values)
        {
            await app.RunJobAsync(world.Practice.PracticeId, id);
        }
        var (a, b) = (world.Clients[0], world.Clients[1]);
        using var browserA = await Browser.SignedInAsync(app, a.Email);

        var list = await browserA.PageAsync("/portal/handouts");

        Assert.Contains($"document-{byClient[a.Id]}", list);
        Assert.DoesNotContain(byClient[b.Id].ToString(), list);
        Assert.Contains("document-2026-11-27.pdf", list);
        Assert.Contains("/portal/handouts", await browserA.PageAsync("/portal"));
        var own = await browserA.GetAsync($"/portal/handouts?handler=Pdf&id={byClient[a.Id]}");
        await own.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("document-2026-11-27.pdf", own.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        await (await browserA.GetAsync($"/portal/handouts?handler=Pdf&id={byClient[b.Id]}")).EnsureStatusAsync(HttpStatusCode.NotFound);
        // Nor through the counselor's page.
        await (await browserA.GetAsync($"/counselor/handouts/{created["batchId"]}?handler=Pdf&id={byClient[b.Id]}")).EnsureStatusAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Another_practice_and_a_counselor_off_the_case_get_404_on_the_handout_pages()
    {
        var app = await HandoutTestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var other = await app.CreateWorldAsync();
        var exercise = await world.Counselor.ExerciseAsync("Evening talk", "Talk for ten minutes.");
        var created = await world.Counselor.ComposeAsync(new { caseId = world.CaseId, exerciseIds = new[] { exercise }, includeProgress = false, discreet = false });
        var id = created["id"]!.GetValue<Guid>();
        await app.RunJobAsync(world.Practice.PracticeId, id);
        var (_, offCaseEmail) = await app.InviteAndAcceptAsync(world.Admin, "Counselor");

        foreach (var email in new[] { other.CounselorEmail, other.Practice.Email, offCaseEmail })
        {
            using var browser = await Browser.SignedInAsync(app, email);
            await browser.PageAsync($"/counselor/cases/{world.CaseId}/handouts/new", HttpStatusCode.NotFound);
            await browser.PageAsync($"/counselor/handouts/{created["batchId"]}", HttpStatusCode.NotFound);
            await (await browser.GetAsync($"/counselor/handouts/{created["batchId"]}?handler=Pdf&id={id}")).EnsureStatusAsync(HttpStatusCode.NotFound);
        }
        using var otherClient = await Browser.SignedInAsync(app, other.Clients[0].Email);
        await (await otherClient.GetAsync($"/portal/handouts?handler=Pdf&id={id}")).EnsureStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Admin_uploads_a_logo_which_is_kept_without_its_metadata_and_other_files_are_refused()
    {
        var app = await HandoutTestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        using var browser = await Browser.SignedInAsync(app, world.Practice.Email);

        async Task<HttpResponseMessage> UploadAsync(byte[] bytes, string name, string type)
        {
            var token = Browser.AntiforgeryToken(await browser.PageAsync("/admin/logo"));
            using var content = new MultipartFormDataContent();
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(type);
            content.Add(file, "Upload", name);
            content.Add(new StringContent(token), "__RequestVerificationToken");
            return await browser.Http.PostAsync("/admin/logo", content);
        }

        var gif = await UploadAsync(Encoding.ASCII.GetBytes("GIF89a\x01\x00\x01\x00\x00\x00\x00;"), "logo.png", "image/png");
        await gif.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Contains("must be a PNG or JPEG image", await gif.Content.ReadAsStringAsync());
        var huge = await UploadAsync([.. TestImages.Png(10, 10), .. new byte[2 * 1024 * 1024]], "logo.png", "image/png");
        Assert.Contains("at most 2 MB", await huge.Content.ReadAsStringAsync());

        var jpeg = await UploadAsync(TestImages.Jpeg(), "logo.jpg", "image/jpeg");

        await jpeg.EnsureStatusAsync(HttpStatusCode.Redirect);
        var page = await browser.PageAsync("/admin/logo");
        Assert.Contains("JPEG, 60 × 30 pixels", Html.TextOf(page, "logo-summary"));
        var stored = await browser.GetAsync("/admin/logo?handler=Image");
        await stored.EnsureStatusAsync(HttpStatusCode.OK);
        var bytes = await stored.Content.ReadAsByteArrayAsync();
        Assert.DoesNotContain("ICC_PROFILE", Encoding.Latin1.GetString(bytes));

        // A counselor may not change the practice's logo.
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);
        await counselor.PageAsync("/admin/logo", HttpStatusCode.Forbidden);
    }
}
