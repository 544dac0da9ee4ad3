using System.Globalization;
using CounselorSuite.Web.Features.Progress.Analysis;
using CounselorSuite.Web.Infrastructure.Time;
using OxyPlot;

namespace CounselorSuite.Web.Features.Progress.Charts;

/// <summary>The data behind a chart as a table, for the "show as table" toggle and for screen readers.</summary>
public sealed record ChartTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>A chart's text alternative: a one-paragraph summary and the data as rows.</summary>
public sealed record ChartText(string Summary, ChartTable Table);

/// <summary>
/// A built chart: one OxyPlot model, drawn as SVG in pages and as vectors in PDFs, with its text
/// alternative. Nothing here knows about the output format.
/// </summary>
public sealed record ProgressChart(PlotModel Model, ChartText Text)
{
    /// <summary>Sizes the charts are laid out for (points); renderers may scale.</summary>
    public const double DefaultWidth = 640, DefaultHeight = 360;

    public string Title => Model.Title;
}

/// <summary>How charts present time and numbers for the person looking at them.</summary>
public sealed record ChartSettings
{
    public static readonly ChartSettings Default = new();

    /// <summary>For a reader: their zone, and the first day of the week of their practice's locale.</summary>
    public static ChartSettings For(Infrastructure.Time.ReaderTime reader) =>
        new() { TimeZone = reader.ZoneInfo, FirstDayOfWeek = reader.Style.FirstDayOfWeek };

    /// <summary>Dates and weeks are those of this zone (the viewer's or the client's).</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>The day weekly averages start on: the practice locale's (Sunday in the US), Monday by default.</summary>
    public DayOfWeek FirstDayOfWeek { get; init; } = DayOfWeek.Monday;

    /// <summary>The weeks a chart's weekly averages are counted in.</summary>
    public WeekRule Weeks => new(TimeZone, FirstDayOfWeek);

    public CultureInfo Culture { get; init; } = CultureInfo.InvariantCulture;

    /// <summary>Show weekly means instead of single points when a series spans more than half a year.</summary>
    public bool RollUpLongRanges { get; init; } = true;
}
