using System.Net;
using System.Text.RegularExpressions;
using CounselorSuite.Tests.Infrastructure;

namespace CounselorSuite.Tests.Pages;

/// <summary>Colours picked with a colour input, Markdown with its help and preview, the builder's settings in sight.</summary>
public sealed partial class FormWordsTests
{
    [Fact]
    public async Task The_accent_colour_is_chosen_with_a_colour_input()
    {
        var app = await PageTestApp.SharedPagesAsync();
        var world = await app.CreateWorldAsync();
        using var admin = await app.CookieSignInAsync(world.Practice.Email);

        var html = await admin.GetStringAsync("/admin");

        var input = ColourInput().Match(html);
        Assert.True(input.Success, "no colour input for the accent colour");
        Assert.Matches("value=\"#[0-9a-f]{6}\"", input.Value);
    }

    [Fact]
    public async Task The_help_text_shows_formatting_help_and_a_preview_without_javascript_that_saves_nothing()
    {
        var app = await PageTestApp.SharedPagesAsync();
        var world = await app.CreateWorldAsync();
        using var admin = await app.CookieSignInAsync(world.Practice.Email);
        var page = await admin.GetStringAsync("/admin");
        Assert.Contains("How to format this text", page);
        Assert.Contains("data-markdown-preview=\"help-preview\"", page);
        Assert.Contains("/js/markdown-preview.js", page);
        var fields = SettingsFields(page);
        fields["Settings.HelpResources"] = "- **Lighthouse line:** [call](tel:+15550199)\n- <script>alert(1)</script>";

        var preview = await admin.PostAsync("/admin?handler=Preview", new FormUrlEncodedContent(fields));

        await preview.EnsureStatusAsync(HttpStatusCode.OK);
        var html = await preview.Content.ReadAsStringAsync();
        var region = html[html.IndexOf("id=\"help-preview\"", StringComparison.Ordinal)..];
        region = region[..region.IndexOf("</div>", StringComparison.Ordinal)];
        Assert.Contains("<strong>Lighthouse line:</strong>", region);
        Assert.Contains("href=\"tel:+15550199\"", region);
        Assert.DoesNotContain("<script>", region);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("Lighthouse line", await admin.GetStringAsync("/admin"));
    }

    [Fact]
    public async Task Every_prompt_in_the_builder_carries_its_scale_ends_and_labels_while_editing()
    {
        var app = await PageTestApp.SharedPagesAsync();
        var world = await app.CreateWorldAsync();
        using var counselor = await app.CookieSignInAsync(world.CounselorEmail);
        var url = "/counselor/exercises/edit";
        var token = await PageTestApp.FormTokenAsync(counselor, url);

        var added = await counselor.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Title"] = "Draft", ["command"] = "add-Text", ["__RequestVerificationToken"] = token,
        }));

        var html = await added.Content.ReadAsStringAsync();
        // A free-text prompt still has its scale settings in the form, shown by words.css once the kind is a scale.
        Assert.Contains("class=\"prompt-kind\"", html);
        Assert.Contains("name=\"Input.Prompts[0].MinLabel\"", html);
        Assert.Contains("name=\"Input.Prompts[0].MaxLabel\"", html);
        Assert.Contains("name=\"Input.Prompts[0].Min\"", html);
        Assert.Contains("name=\"Input.Prompts[0].Options\"", html);
        Assert.Contains("name=\"Input.Prompts[0].DangerYesNo\"", html);
        Assert.Contains("Instructions", html);
        Assert.Contains("How to format this text", html);
        var css = await counselor.GetStringAsync("/css/words.css");
        Assert.Contains("option[value=\"Scale\"]:checked) .for-scale", css);
    }

    private static Dictionary<string, string> SettingsFields(string html)
    {
        var form = html[html.IndexOf("?handler=Settings", StringComparison.Ordinal)..];
        form = form[..form.IndexOf("</form>", StringComparison.Ordinal)];
        var fields = new Dictionary<string, string>();
        foreach (Match input in Input().Matches(form))
        {
            fields.TryAdd(WebUtility.HtmlDecode(input.Groups["name"].Value), WebUtility.HtmlDecode(input.Groups["value"].Value));
        }
        fields["__RequestVerificationToken"] = Token().Match(form).Groups[1].Value;
        return fields;
    }

    [GeneratedRegex("<input[^>]*type=\"color\"[^>]*name=\"Settings.AccentColor\"[^>]*>|<input[^>]*name=\"Settings.AccentColor\"[^>]*type=\"color\"[^>]*>")]
    private static partial Regex ColourInput();

    [GeneratedRegex("<input[^>]*name=\"(?<name>Settings\\.[A-Za-z]+)\"[^>]*value=\"(?<value>[^\"]*)\"")]
    private static partial Regex Input();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
