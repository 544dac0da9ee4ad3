using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CounselorSuite.Web.Infrastructure.Time;

/// <summary>What a &lt;local-time&gt; writes.</summary>
public enum LocalTimeFormat
{
    /// <summary>"Tue 8 Dec, 3:00 pm"</summary>
    DateTime,
    /// <summary>"Tue 8 Dec"</summary>
    Date,
    /// <summary>"3:00 pm"</summary>
    Time,
    /// <summary>"Today, 3:00 pm", "Tomorrow, 9:00 am", else as DateTime</summary>
    Relative,
    /// <summary>"Today", "Tomorrow", else as Date</summary>
    RelativeDay,
}

/// <summary>
/// &lt;local-time value="@session.StartsAt" /&gt; writes &lt;time datetime="2026-12-08T15:00:00-06:00"&gt;Tue 8 Dec, 3:00 pm&lt;/time&gt;
/// in the reader's zone and locale. With end="@x" it writes a range ("Tue 8 Dec, 3:00–3:50 pm", or
/// "3:00–3:50 pm" with format="Time"). zone="true" always writes the zone's abbreviation, zone="false" never;
/// by default it is written only when the reader's zone differs from the practice's. A null value writes nothing.
/// </summary>
[HtmlTargetElement("local-time", TagStructure = TagStructure.WithoutEndTag)]
public sealed class LocalTimeTagHelper(ReaderTimes times) : TagHelper
{
    public DateTimeOffset? Value { get; set; }
    public DateTimeOffset? End { get; set; }
    public LocalTimeFormat Format { get; set; } = LocalTimeFormat.DateTime;
    public bool? Zone { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (Value is not { } at)
        {
            output.SuppressOutput();
            return;
        }
        var reader = await times.GetCurrentAsync(CancellationToken.None);
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("datetime", reader.Iso(at));
        output.Content.SetContent(Text(reader, at));
    }

    private string Text(ReaderTime reader, DateTimeOffset at) => (Format, End) switch
    {
        (LocalTimeFormat.Time, { } end) => reader.TimeRange(at, end, Zone),
        (_, { } end) => reader.Range(at, end, Zone),
        (LocalTimeFormat.Date, _) => reader.Date(at),
        (LocalTimeFormat.Time, _) => reader.Time(at, Zone),
        (LocalTimeFormat.Relative, _) => reader.Relative(at, Zone),
        (LocalTimeFormat.RelativeDay, _) => reader.RelativeDay(at),
        _ => reader.DateTime(at, Zone),
    };
}
