using System.Text.RegularExpressions;
using CounselorSuite.Tests.Infrastructure;
using CounselorSuite.Web.Features.Handouts;
using Npgsql;

namespace CounselorSuite.Tests.Handouts;

[Trait("Category", "Fast")] // needs no database and no browser: scripts/test --fast runs it
public sealed class HandoutPaperLocaleTests
{
    [Theory]
    [InlineData("en-US", HandoutPaper.Letter)]
    [InlineData("en-CA", HandoutPaper.Letter)]
    [InlineData("es-MX", HandoutPaper.Letter)]
    [InlineData("en-PH", HandoutPaper.Letter)]
    [InlineData("en-GB", HandoutPaper.A4)]
    [InlineData("en-IN", HandoutPaper.A4)]
    [InlineData("de-DE", HandoutPaper.A4)]
    [InlineData("en", HandoutPaper.A4)]
    [InlineData("not a locale", HandoutPaper.A4)]
    [InlineData(null, HandoutPaper.A4)]
    public void Letter_countries_print_on_letter_and_the_rest_of_the_world_on_a4(string? locale, HandoutPaper paper) =>
        Assert.Equal(paper, HandoutPapers.ForLocale(locale));
}

/// <summary>A handout is made on the practice's paper unless the counselor picks the other size.</summary>
public sealed class HandoutPaperTests
{
    [Fact]
    public async Task A_us_practice_gets_letter_a_british_one_a4_and_the_counselors_choice_wins()
    {
        var app = await HandoutTestApp.SharedAsync();
        var world = await app.CreateWorldAsync();
        var exercise = await world.Counselor.ExerciseAsync("Morning walk", "Walk around the block.");
        using var counselor = await Browser.SignedInAsync(app, world.CounselorEmail);
        var formUrl = $"/counselor/cases/{world.CaseId}/handouts/new";
        object Body(string? paper = null) => paper is null
            ? new { caseId = world.CaseId, exerciseIds = new[] { exercise }, includeProgress = false }
            : new { caseId = world.CaseId, exerciseIds = new[] { exercise }, includeProgress = false, paper };

        // A new practice writes times as in the US (en-US) unless it says otherwise.
        Assert.Equal("Letter", (await world.Counselor.ComposeAsync(Body()))["handouts"]![0]!["paper"]!.GetValue<string>());
        Assert.Equal("Letter", ChosenPaper(await counselor.PageAsync(formUrl)));
        Assert.Equal("A4", (await world.Counselor.ComposeAsync(Body("A4")))["handouts"]![0]!["paper"]!.GetValue<string>());

        await using (var owner = await app.Database.OpenAsOwnerAsync())
        {
            await using var update = new NpgsqlCommand("UPDATE practices SET locale = 'en-GB' WHERE id = @p", owner);
            update.Parameters.AddWithValue("p", world.Practice.PracticeId);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        Assert.Equal("A4", (await world.Counselor.ComposeAsync(Body()))["handouts"]![0]!["paper"]!.GetValue<string>());
        Assert.Equal("A4", ChosenPaper(await counselor.PageAsync(formUrl)));
        Assert.Equal("Letter", (await world.Counselor.ComposeAsync(Body("Letter")))["handouts"]![0]!["paper"]!.GetValue<string>());
    }

    private static string ChosenPaper(string html)
    {
        var select = Regex.Match(html, "<select[^>]*name=\"Form.Paper\"[^>]*>(.*?)</select>", RegexOptions.Singleline).Groups[1].Value;
        var chosen = Regex.Matches(select, "<option[^>]*>").Single(o => o.Value.Contains("selected", StringComparison.Ordinal));
        return Regex.Match(chosen.Value, "value=\"([^\"]+)\"").Groups[1].Value;
    }
}
