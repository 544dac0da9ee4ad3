using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CounselorSuite.BrowserTests.Infrastructure;

/// <summary>Homework as people do it in the pages: the counselor's assign form on the case page, a client's task.</summary>
public static class HomeworkActions
{
    /// <summary>
    /// Assigns an exercise from the case's homework section to the clients named (all when none are), and checks
    /// that the confirmation is in view where the person lands, with the new assignment listed.
    /// </summary>
    public static async Task AssignAsync(this IPage counselor, string caseUrl, string exerciseOption, string[]? onlyFor = null,
        string? every = null, int count = 1, DateTimeOffset? firstDue = null, string? note = null)
    {
        await counselor.GotoAsync(caseUrl + "/homework");
        var form = counselor.Locator("#assign-form");
        await form.GetByLabel("Exercise").SelectOptionAsync(new SelectOptionValue { Label = exerciseOption });
        if (onlyFor is not null)
        {
            var boxes = form.GetByRole(AriaRole.Group, new() { Name = "For" }).GetByRole(AriaRole.Checkbox);
            foreach (var box in await boxes.AllAsync())
            {
                var name = (await box.EvaluateAsync<string>("e => e.labels[0].innerText")).Trim();
                await box.SetCheckedAsync(onlyFor.Contains(name));
            }
        }
        if (firstDue is { } due)
        {
            await form.GetByLabel("First due (your time zone)").FillAsync(due.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        }
        if (every is not null)
        {
            await form.GetByLabel("Repeat").SelectOptionAsync(new SelectOptionValue { Label = every });
            await form.GetByLabel("How many times").FillAsync(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (note is not null)
        {
            await form.GetByLabel("Note to the client (optional)").FillAsync(note);
        }
        await form.GetByRole(AriaRole.Button, new() { Name = "Assign" }).ClickAsync();
        await counselor.WaitForLoadStateAsync(LoadState.Load);
        var title = exerciseOption.Split(" (")[0];
        await Expect(counselor).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/counselor/cases/[^/]+/homework#case-status$"));
        await Expect(counselor.Locator("#case-status")).ToContainTextAsync($"Assigned: {title}.");
        await Expect(counselor.Locator("#case-status")).ToBeInViewportAsync();
        await Expect(counselor.Locator("#assignments")).ToContainTextAsync(title);
    }

    /// <summary>Opens a task from the portal's home page by its title.</summary>
    public static async Task OpenTaskAsync(this IPage client, string title)
    {
        await client.GotoAsync("/portal");
        await client.Locator("#homework").GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await client.WaitForURLAsync("**/portal/homework/*");
        await Expect(client.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
    }

    /// <summary>A question answered by picking one of its options (a scale point, Yes or No, a choice).</summary>
    public static Task PickAsync(this IPage page, string question, string option) =>
        page.AnswerForm().GetByRole(AriaRole.Group, new() { Name = question }).GetByLabel(option, new() { Exact = true }).CheckAsync();

    /// <summary>The task's answer form (a partner's shared answers on the same page ask the same questions).</summary>
    public static ILocator AnswerForm(this IPage page) => page.Locator("#homework-form");

    /// <summary>Waits for the autosave to report the draft kept on the server.</summary>
    public static Task WaitForDraftSavedAsync(this IPage page) =>
        Expect(page.Locator("[data-autosave-status]")).ToHaveTextAsync("Saved", new() { Timeout = 10_000 });
}
