using System.Globalization;
using CounselorSuite.Web.Features.Exercises;
using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Infrastructure.Data;
using CounselorSuite.Web.Infrastructure.Pages;
using CounselorSuite.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CounselorSuite.Web.Pages.Counselor.Exercises;

[Authorize(Roles = Roles.PracticeAdmin + "," + Roles.Counselor)]
public sealed class IndexModel(AppDbContext db, ExerciseLibrarySync sync) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dimension { get; set; }
    [BindProperty(SupportsGet = true)] public string? Suitability { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    /// <summary>"builtin", "own" or empty for both.</summary>
    [BindProperty(SupportsGet = true)] public string? Source { get; set; }
    [BindProperty(SupportsGet = true)] public bool Archived { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Page<ExerciseListItem> Results { get; private set; } = new([], 0);
    public IReadOnlyDictionary<string, string[]> FilterErrors { get; private set; } = new Dictionary<string, string[]>();
    public bool Searching => !string.IsNullOrWhiteSpace(Q);
    public bool Filtered => Searching || !string.IsNullOrEmpty(Theme) || !string.IsNullOrEmpty(Dimension)
        || !string.IsNullOrEmpty(Suitability) || !string.IsNullOrEmpty(Source) || Archived;
    public int PageCount => Pager.PagesFor(Results.Total, PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var errors = new FieldErrors();
        bool? builtIn = Source switch { "builtin" => true, "own" => false, _ => null };
        var filter = ExercisesApi.ParseFilter(errors, Theme, Dimension, Suitability, Q, Archived, builtIn);
        if (errors.Any)
        {
            // An outdated bookmark or a hand-edited address: say so and show the whole library.
            FilterErrors = errors.ToDictionary();
            filter = new ExerciseFilter(IncludeArchived: Archived, BuiltIn: builtIn);
        }
        await sync.EnsureAsync(ct);
        PageNumber = Math.Max(1, PageNumber);
        Results = await ExerciseQueries.ListAsync(db, filter, (PageNumber - 1) * PageSize, PageSize, ct);
    }

    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["theme"] = Theme, ["dimension"] = Dimension, ["suitability"] = Suitability, ["q"] = Q, ["source"] = Source,
        ["archived"] = Archived ? "true" : null, ["p"] = page.ToString(CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
}
