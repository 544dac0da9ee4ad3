using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CounselorSuite.BrowserTests.Infrastructure;
using CounselorSuite.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CounselorSuite.BrowserTests.Journeys;

/// <summary>
/// Journey 10: the portal on a phone. The sign-in page has the quick exit and Help; an exercise's 0-10
/// scale sits on one row that fits the screen (at 390 and at 360 pixels), its tick boxes and round buttons
/// are at least 24 pixels, and the page says in one sentence who can read the answers.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PortalPhoneJourney(BrowserHost host)
{
    private const string Exercise = "Keeping small promises";
    private const string Reliable = "How reliable do you feel you were this week?";

    [Fact]
    public async Task On_a_phone_a_scale_fits_one_row_targets_are_large_and_help_is_one_tap_away()
    {
        var world = await CoupleWorld.CreateAsync(host.App, "P. and Q.");
        await AssignAsync(world, Exercise);
        await using var journey = Journey.Start(host, "10-portal-on-a-phone");

        var riley = await journey.OpenAsync(Viewport.Phone);
        await journey.StepAsync(riley, "the sign-in page has the quick exit and Help", async () =>
        {
            await riley.GotoAsync("/account/login");
            await Expect(riley.GetByRole(AriaRole.Link, new() { Name = "Quick exit" })).ToBeVisibleAsync();
            await Expect(riley.GetByRole(AriaRole.Link, new() { Name = "Help", Exact = true })).ToBeVisibleAsync();
        });
        await journey.StepAsync(riley, "Help opens before signing in", async () =>
        {
            await riley.GetByRole(AriaRole.Link, new() { Name = "Help", Exact = true }).ClickAsync();
            await riley.WaitForPathAsync("/help");
            await Expect(riley.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Help");
        });

        await journey.StepAsync(riley, "the exercise on a 390-pixel phone", async () =>
        {
            await riley.SignInAsync(world.Riley);
            await riley.WaitForPathAsync("/portal");
            await riley.OpenTaskAsync(Exercise);
            await Expect(riley.Locator("#help-line").GetByRole(AriaRole.Link, new() { Name = "Help" })).ToBeVisibleAsync();
            await Expect(riley.Locator("#who-can-read")).ToContainTextAsync("see nothing you write unless you share it after sending");
            await ExpectScaleOnOneRowAsync(riley, 390);
            await ExpectTargetsAtLeast24PixelsAsync(riley);
        });
        await journey.StepAsync(riley, "the same exercise at 360 pixels", async () =>
        {
            await riley.SetViewportSizeAsync(360, 740);
            await ExpectScaleOnOneRowAsync(riley, 360);
            await ExpectTargetsAtLeast24PixelsAsync(riley);
        });

        var sam = await journey.OpenAsync(Viewport.Desktop);
        await journey.StepAsync(sam, "the exercise on a desktop", async () =>
        {
            await sam.SignInAsync(world.Sam);
            await sam.WaitForPathAsync("/portal");
            await sam.OpenTaskAsync(Exercise);
            await ExpectScaleOnOneRowAsync(sam, Viewport.Desktop.Width);
            await Expect(sam.GetByRole(AriaRole.Link, new() { Name = "Help", Exact = true }).First).ToBeVisibleAsync();
        });
    }

    /// <summary>Every point of the 0-10 scale shares one row (same top, within a pixel) and lies inside the screen.</summary>
    private static async Task ExpectScaleOnOneRowAsync(IPage page, int width)
    {
        var points = page.AnswerForm().GetByRole(AriaRole.Group, new() { Name = Reliable }).Locator(".scale-point");
        await Expect(points).ToHaveCountAsync(11);
        var boxes = new List<LocatorBoundingBoxResult>();
        foreach (var point in await points.AllAsync())
        {
            boxes.Add((await point.BoundingBoxAsync())!);
        }
        Assert.All(boxes, b => Assert.InRange(b.Y, boxes[0].Y - 1, boxes[0].Y + 1));
        Assert.True(boxes.Min(b => b.X) >= 0, $"the scale starts off the screen at x = {boxes.Min(b => b.X)}");
        Assert.True(boxes.Max(b => b.X + b.Width) <= width, $"the scale ends at {boxes.Max(b => b.X + b.Width)} px, past the {width} px screen");
        Assert.All(boxes, b => Assert.True(b.Height >= 44, $"a scale point is {b.Height} px tall"));
    }

    private static async Task ExpectTargetsAtLeast24PixelsAsync(IPage page)
    {
        var inputs = page.AnswerForm().Locator("input[type=radio], input[type=checkbox]");
        Assert.True(await inputs.CountAsync() >= 11 + 7 + 2, "the exercise's radios and checkboxes are not all there");
        foreach (var input in await inputs.AllAsync())
        {
            var box = (await input.BoundingBoxAsync())!;
            Assert.True(box.Width >= 24 && box.Height >= 24, $"a radio or checkbox is {box.Width} x {box.Height} px");
        }
    }

    private async Task AssignAsync(CoupleWorld world, string title)
    {
        using var counselor = await host.App.SignInAsync(world.CounselorEmail);
        var list = await counselor.GetFromJsonAsync<JsonObject>("/api/exercises?pageSize=100&builtIn=true");
        var id = list!["items"]!.AsArray().First(i => i!["title"]!.GetValue<string>() == title)!["id"]!.GetValue<Guid>();
        var response = await counselor.PostAsJsonAsync("/api/assignments", new { caseId = world.CaseId, exerciseId = id });
        await response.EnsureStatusAsync(HttpStatusCode.Created);
    }
}
