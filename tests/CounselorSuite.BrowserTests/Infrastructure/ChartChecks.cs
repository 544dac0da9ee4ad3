using Microsoft.Playwright;

namespace CounselorSuite.BrowserTests.Infrastructure;

/// <summary>What a person sees of a page's charts, measured in the browser as it draws them.</summary>
public static class ChartChecks
{
    /// <summary>Ids that occur more than once in the whole document (a browser resolves a reference to the first).</summary>
    public static Task<string[]> RepeatedIdsAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => {
          const seen = new Map();
          for (const e of document.querySelectorAll('[id]')) seen.set(e.id, (seen.get(e.id) || 0) + 1);
          return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
        }
        """);

    /// <summary>
    /// For every visible chart drawing: each clipped group's clip path (as the browser resolves it) belongs to
    /// the same drawing, and every line and marker inside the group lies within its clip rectangle, so the
    /// top of the data range is on screen. Returns what is wrong, one line per problem.
    /// </summary>
    public static Task<string[]> CutOffAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => {
          const problems = [];
          const drawings = [...document.querySelectorAll('.chart-svg svg')].filter(s => s.getBoundingClientRect().width > 0);
          if (drawings.length === 0) problems.push('no chart drawn');
          for (const svg of drawings) {
            const chart = svg.closest('figure')?.id ?? '?';
            for (const group of svg.querySelectorAll('g[clip-path]')) {
              const id = /url\(#([^)]+)\)/.exec(group.getAttribute('clip-path'))[1];
              const clip = document.getElementById(id);
              if (!clip || clip.ownerSVGElement !== svg) { problems.push(`${chart}: clip path ${id} is another drawing's`); continue; }
              const r = clip.querySelector('rect').getBBox();
              // Each shape against its own (innermost) clip: the plot area's, inside the drawing's.
              for (const shape of [...group.querySelectorAll('path, polyline, polygon, ellipse')].filter(s => s.parentElement.closest('g[clip-path]') === group)) {
                const b = shape.getBBox();
                if (b.x < r.x - 1 || b.y < r.y - 1 || b.x + b.width > r.x + r.width + 1 || b.y + b.height > r.y + r.height + 1)
                  problems.push(`${chart}: a ${shape.tagName} (${b.x.toFixed(0)},${b.y.toFixed(0)} ${b.width.toFixed(0)}x${b.height.toFixed(0)}) is cut by its clip (${r.x.toFixed(0)},${r.y.toFixed(0)} ${r.width.toFixed(0)}x${r.height.toFixed(0)})`);
              }
            }
          }
          return problems;
        }
        """);

    /// <summary>The smallest text of the visible chart drawings, in CSS pixels as shown (after the drawing is scaled).</summary>
    public static Task<double> SmallestTextPixelsAsync(IPage page) => page.EvaluateAsync<double>("""
        () => {
          let smallest = Infinity;
          for (const svg of document.querySelectorAll('.chart-svg svg')) {
            if (svg.getBoundingClientRect().width === 0) continue;
            const scale = svg.getScreenCTM().a;
            for (const text of svg.querySelectorAll('text')) {
              if (!text.textContent.trim()) continue;
              smallest = Math.min(smallest, parseFloat(getComputedStyle(text).fontSize) * scale);
            }
          }
          return smallest;
        }
        """);

    /// <summary>The words drawn in one chart's visible drawing (legend, axes, labels).</summary>
    public static Task<string[]> DrawnTextsAsync(ILocator chart) => chart.EvaluateAsync<string[]>("""
        figure => [...figure.querySelectorAll('.chart-svg svg')].filter(s => s.getBoundingClientRect().width > 0)
          .flatMap(s => [...s.querySelectorAll('text')].map(t => t.textContent.trim()))
        """);
}
