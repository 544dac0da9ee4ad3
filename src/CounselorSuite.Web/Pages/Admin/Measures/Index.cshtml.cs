using CounselorSuite.Web.Features.Practices;
using CounselorSuite.Web.Features.Measures;
using CounselorSuite.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CounselorSuite.Web.Pages.Admin.Measures;

/// <summary>The practice's measures, and the upload of a new definition file with every problem listed.</summary>
[Authorize(Roles = Roles.PracticeAdmin)]
public sealed class IndexModel(MeasureCatalog catalog) : PageModel
{
    public IReadOnlyList<MeasureSummary> Measures { get; private set; } = [];

    /// <summary>The problems of the file just uploaded; nothing was saved when there are any.</summary>
    public IReadOnlyList<MeasureProblem> Problems { get; private set; } = [];

    public string? UploadedName { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Measures = await catalog.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        UploadedName = file?.FileName;
        if (file is null || file.Length == 0)
        {
            Problems = [new MeasureProblem("", "Choose a definition file (.json) to upload.")];
        }
        else if (file.Length > MeasureCatalog.MaxFileBytes)
        {
            Problems = [new MeasureProblem("", $"The file is larger than {MeasureCatalog.MaxFileBytes / 1024} KB; a measure definition is much smaller.")];
        }
        else
        {
            string text;
            using (var reader = new StreamReader(file.OpenReadStream()))
            {
                text = await reader.ReadToEndAsync(ct);
            }
            switch (await catalog.ImportAsync(text, User.UserId(), ct))
            {
                case MeasureImportResult.Imported imported:
                    TempData["Flash"] = $"Imported \"{imported.Measure.Title}\" (version {imported.Measure.Version}).";
                    return RedirectToPage();
                case MeasureImportResult.Conflict conflict:
                    Problems = [new MeasureProblem("", conflict.Message)];
                    break;
                case MeasureImportResult.Invalid invalid:
                    Problems = invalid.Problems;
                    break;
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Measures = await catalog.ListAsync(ct);
        return Page();
    }
}
