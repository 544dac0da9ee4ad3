using System.Text.Json;
using Microsoft.Playwright;

namespace CounselorSuite.BrowserTests.Infrastructure;

/// <summary>The element that has the keyboard focus, as a keyboard user perceives it.</summary>
public sealed record Focused(string Tag, string Id, string Name, bool FocusVisible, bool HasIndicator, bool OnScreen)
{
    public override string ToString() => $"<{Tag}{(Id.Length > 0 ? " id=" + Id : "")}> \"{Name}\"";
}

public static class Keyboard
{
    // The focus indicator must be drawn (an outline of at least 2px, or a box shadow), the element must
    // match :focus-visible (so the indicator shows for keyboard users), and it must be on screen.
    private const string Script = """
        () => {
          const e = document.activeElement;
          if (!e || e === document.body) return { tag: 'body', id: '', name: '', focusVisible: false, hasIndicator: false, onScreen: false };
          const s = getComputedStyle(e);
          const label = e.labels && e.labels.length ? e.labels[0].innerText : (e.getAttribute('aria-label') || e.innerText || e.value || '');
          const r = e.getBoundingClientRect();
          return {
            tag: e.tagName.toLowerCase(), id: e.id || '', name: label.trim(),
            focusVisible: e.matches(':focus-visible'),
            hasIndicator: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none',
            onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
          };
        }
        """;

    public static async Task<Focused> FocusedAsync(this IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>(Script);
        return new Focused(
            json.GetProperty("tag").GetString()!, json.GetProperty("id").GetString()!, json.GetProperty("name").GetString()!,
            json.GetProperty("focusVisible").GetBoolean(), json.GetProperty("hasIndicator").GetBoolean(), json.GetProperty("onScreen").GetBoolean());
    }

    /// <summary>Presses Tab and returns what got the focus, failing when the focus cannot be seen.</summary>
    public static async Task<Focused> TabAsync(this IPage page)
    {
        await page.Keyboard.PressAsync("Tab");
        var focused = await page.FocusedAsync();
        if (!focused.FocusVisible || !focused.HasIndicator || !focused.OnScreen)
        {
            throw new Xunit.Sdk.XunitException(
                $"The keyboard focus on {focused} cannot be seen (matches :focus-visible: {focused.FocusVisible}, indicator drawn: {focused.HasIndicator}, on screen: {focused.OnScreen}).");
        }
        return focused;
    }

    /// <summary>Tabs until an element with this accessible name has the focus; returns every stop on the way.</summary>
    public static async Task<List<Focused>> TabToAsync(this IPage page, string name, int maxStops = 15)
    {
        var stops = new List<Focused>();
        for (var i = 0; i < maxStops; i++)
        {
            var focused = await page.TabAsync();
            stops.Add(focused);
            if (focused.Name == name)
            {
                return stops;
            }
        }
        throw new Xunit.Sdk.XunitException($"Tab never reached \"{name}\"; the stops were: {string.Join(", ", stops)}");
    }
}
