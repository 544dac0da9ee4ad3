namespace CounselorSuite.Web.Infrastructure.Time;

/// <summary>
/// A time zone &lt;select&gt; (Pages/Shared/_ZonePicker.cshtml). <paramref name="FollowPractice"/> adds a first
/// option "the practice's zone" (stored as none); <paramref name="Preselect"/> lets the script choose the
/// device's zone when nothing is chosen yet.
/// </summary>
public sealed record ZonePicker(string Name, string Id, string? Selected, string? FollowPractice, bool Preselect, string Effective);
