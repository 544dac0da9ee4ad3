namespace CounselorSuite.Web.Infrastructure.Pages;

/// <summary>
/// Links to the pages before and after this one (Pages/Shared/_Pager.cshtml): plain links, so paging works
/// without JavaScript. Nothing is shown when everything fits on one page.
/// </summary>
/// <param name="Link">The address of a page by its number.</param>
public sealed record Pager(int Page, int Pages, Func<int, string> Link, string Label = "Pages", string Earlier = "Previous page",
    string Later = "Next page", string? Id = null)
{
    /// <summary>How many pages <paramref name="total"/> items fill, <paramref name="pageSize"/> to a page; one when there are none.</summary>
    public static int PagesFor(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);
}
