using System.Globalization;

namespace CounselorSuite.Web.Features.Handouts;

/// <summary>
/// The paper a practice prints on, from its locale: Letter in the countries that use it (the United States,
/// Canada, Mexico, the Philippines and much of Central and South America), A4 everywhere else. A counselor
/// can still choose the other one for a handout.
/// </summary>
public static class HandoutPapers
{
    private static readonly HashSet<string> LetterRegions =
        ["US", "PR", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "DO", "GT", "NI", "PA", "SV", "BZ"];

    public static HandoutPaper ForLocale(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return HandoutPaper.A4;
        }
        try
        {
            var culture = CultureInfo.GetCultureInfo(locale);
            return !culture.IsNeutralCulture && LetterRegions.Contains(new RegionInfo(culture.Name).TwoLetterISORegionName)
                ? HandoutPaper.Letter
                : HandoutPaper.A4;
        }
        catch (ArgumentException)
        {
            return HandoutPaper.A4;
        }
    }
}
