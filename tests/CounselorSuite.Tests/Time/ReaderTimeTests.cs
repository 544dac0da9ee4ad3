using CounselorSuite.Web.Infrastructure.Time;
using NodaTime;
using Xunit;

namespace CounselorSuite.Tests.Time;

/// <summary>The formatter and the parser of local times, across daylight-saving changes and a half-hour zone.</summary>
public sealed class ReaderTimeTests
{
    private static readonly Instant December2026 = Instant.FromUtc(2026, 12, 1, 12, 0);

    private static ReaderTime Reader(string zone, string locale = "en-US", string? practiceZone = null, Instant? now = null) =>
        new TimeSettings(zone, practiceZone ?? zone, locale).At(now ?? December2026);

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void A_session_is_written_in_the_readers_clock_with_a_12_hour_locale()
    {
        var chicago = Reader("America/Chicago");
        var at = Utc(2026, 12, 8, 21); // 3:00 pm CST

        Assert.Equal("Tue 8 Dec, 3:00 pm", chicago.DateTime(at));
        Assert.Equal("3:00 pm", chicago.Time(at));
        Assert.Equal("Tue 8 Dec", chicago.Date(at));
        Assert.Equal("3:00\u20133:50 pm", chicago.TimeRange(at, at.AddMinutes(50)));
        Assert.Equal("Tue 8 Dec, 3:00\u20133:50 pm", chicago.Range(at, at.AddMinutes(50)));
        Assert.Equal("2026-12-08T15:00:00-06:00", chicago.Iso(at));
    }

    [Fact]
    public void Calendar_hours_and_typed_times_follow_the_locales_clock()
    {
        var chicago = Reader("America/Chicago");
        var berlin = Reader("Europe/Berlin", "de-DE");

        Assert.Equal(["12 am", "9 am", "12 pm", "1 pm"], new[] { 0, 9, 12, 13 }.Select(chicago.Hour));
        Assert.Equal(["00:00", "09:00", "13:00"], new[] { 0, 9, 13 }.Select(berlin.Hour));
        Assert.Equal("2:30 pm", chicago.TimeOfDay(new TimeOnly(14, 30)));
        Assert.Equal("14:30", berlin.TimeOfDay(new TimeOnly(14, 30)));
    }

    [Fact]
    public void A_24_hour_locale_writes_24_hour_times_and_weeks_start_on_monday()
    {
        var berlin = Reader("Europe/Berlin", "de-DE");
        var at = Utc(2026, 12, 8, 14); // 15:00 CET

        Assert.Equal("Tue 8 Dec, 15:00", berlin.DateTime(at));
        Assert.Equal("15:00\u201315:50", berlin.TimeRange(at, at.AddMinutes(50)));
        Assert.Equal(new DateOnly(2026, 12, 7), berlin.WeekStart(new DateOnly(2026, 12, 8)));
        Assert.Equal(new DateOnly(2026, 12, 6), Reader("America/Chicago").WeekStart(new DateOnly(2026, 12, 8)));
    }

    [Fact]
    public void A_range_across_noon_names_both_halves_and_midnight_is_12_am()
    {
        var chicago = Reader("America/Chicago");
        var start = Utc(2026, 12, 8, 17, 30); // 11:30 am
        Assert.Equal("11:30 am\u201312:20 pm", chicago.TimeRange(start, start.AddMinutes(50)));
        Assert.Equal("12:00 am", chicago.Time(Utc(2026, 12, 9, 6)));
    }

    [Fact]
    public void Another_year_is_written_and_the_current_one_is_not()
    {
        var chicago = Reader("America/Chicago");
        Assert.Equal("Mon 8 Dec 2025, 3:00 pm", chicago.DateTime(Utc(2025, 12, 8, 21)));
    }

    [Fact]
    public void The_zone_is_named_only_when_the_reader_is_not_in_the_practices_zone()
    {
        var at = Utc(2026, 12, 8, 15); // 9:00 am in Chicago, 8:30 pm in Kolkata
        var inPractice = Reader("America/Chicago");
        var abroad = Reader("Asia/Kolkata", practiceZone: "America/Chicago");

        Assert.Equal("Tue 8 Dec, 9:00 am", inPractice.DateTime(at));
        Assert.Equal("Tue 8 Dec, 8:30 pm IST", abroad.DateTime(at));
        Assert.Equal("Tue 8 Dec, 9:00 am CST", inPractice.DateTime(at, withZone: true));
        Assert.Equal("8:30 pm", abroad.Time(at, withZone: false));
    }

    [Fact]
    public void A_nine_oclock_session_keeps_its_local_time_across_both_chicago_changes()
    {
        var chicago = Reader("America/Chicago");
        foreach (var day in new[] { new DateOnly(2026, 3, 7), new DateOnly(2026, 3, 9), new DateOnly(2026, 10, 31), new DateOnly(2026, 11, 2) })
        {
            var typed = Assert.IsType<LocalInput.Valid>(chicago.Parse(day, new TimeOnly(9, 0)));
            Assert.Equal("9:00 am", chicago.Time(typed.At));
            Assert.Equal(day, chicago.DateOf(typed.At));
        }
        Assert.Equal(Utc(2026, 3, 7, 15), ((LocalInput.Valid)chicago.Parse(new DateOnly(2026, 3, 7), new TimeOnly(9, 0))).At);
        Assert.Equal(Utc(2026, 3, 9, 14), ((LocalInput.Valid)chicago.Parse(new DateOnly(2026, 3, 9), new TimeOnly(9, 0))).At);
        Assert.Equal(Utc(2026, 10, 31, 14), ((LocalInput.Valid)chicago.Parse("2026-10-31T09:00")).At);
        Assert.Equal(Utc(2026, 11, 2, 15), ((LocalInput.Valid)chicago.Parse("2026-11-02T09:00")).At);
    }

    [Fact]
    public void A_time_in_the_spring_gap_is_refused_with_a_message()
    {
        var chicago = Reader("America/Chicago");
        var refused = Assert.IsType<LocalInput.Invalid>(chicago.Parse("2026-03-08T02:30"));
        Assert.Contains("2:30 am", refused.Message);
        Assert.Contains("does not exist", refused.Message);
        Assert.Contains("from 2:00 am to 3:00 am", refused.Message);
    }

    [Fact]
    public void A_time_in_the_autumn_overlap_is_the_first_one_and_says_so()
    {
        var chicago = Reader("America/Chicago");
        var taken = Assert.IsType<LocalInput.Valid>(chicago.Parse("2026-11-01T01:30"));
        Assert.Equal(Utc(2026, 11, 1, 6, 30), taken.At); // 1:30 am CDT (UTC-5), not CST
        Assert.NotNull(taken.Note);
        Assert.Contains("CDT", taken.Note);
        Assert.Null(((LocalInput.Valid)chicago.Parse("2026-11-01T03:30")).Note);
    }

    [Fact]
    public void Days_are_23_and_25_hours_long_on_the_change_days()
    {
        var chicago = Reader("America/Chicago");
        var (springFrom, springTo) = chicago.DayRange(new DateOnly(2026, 3, 8));
        var (autumnFrom, autumnTo) = chicago.DayRange(new DateOnly(2026, 11, 1));
        Assert.Equal(TimeSpan.FromHours(23), springTo - springFrom);
        Assert.Equal(TimeSpan.FromHours(25), autumnTo - autumnFrom);
        Assert.Equal(Utc(2026, 3, 8, 6), springFrom);
    }

    [Fact]
    public void A_half_hour_zone_reads_and_writes_its_own_clock()
    {
        var kolkata = Reader("Asia/Kolkata", "en-IN");
        var typed = Assert.IsType<LocalInput.Valid>(kolkata.Parse("2026-12-08T20:30"));
        Assert.Equal(Utc(2026, 12, 8, 15), typed.At);
        Assert.Equal("Tue 8 Dec, 8:30 pm", kolkata.DateTime(typed.At));
        Assert.Equal(new DateOnly(2026, 12, 9), kolkata.DateOf(Utc(2026, 12, 8, 18, 30)));
        Assert.Equal(new DateOnly(2026, 12, 8), kolkata.DateOf(Utc(2026, 12, 8, 18, 29)));
    }

    [Fact]
    public void Today_and_tomorrow_follow_the_readers_calendar()
    {
        // 03:00 UTC on 2 Dec is still 1 Dec in Chicago.
        var chicago = Reader("America/Chicago", now: Instant.FromUtc(2026, 12, 2, 3, 0));
        Assert.Equal(new DateOnly(2026, 12, 1), chicago.Today);
        Assert.Equal("Tomorrow, 9:00 am", chicago.Relative(Utc(2026, 12, 2, 15)));
        Assert.Equal("Today", chicago.RelativeDay(Utc(2026, 12, 2, 5)));
    }

    [Fact]
    public void Zone_names_from_browsers_and_people_are_checked()
    {
        Assert.Equal("Asia/Kolkata", TimeZones.Canonical("Asia/Calcutta"));
        Assert.Equal("America/Chicago", TimeZones.Canonical(" America/Chicago "));
        Assert.Null(TimeZones.Canonical("Mars/Olympus"));
        Assert.Null(TimeZones.Canonical(""));
        Assert.Equal(DateTimeZone.Utc, TimeZones.Find("Mars/Olympus"));
        Assert.Contains("America/Chicago", TimeZones.Choices);
        Assert.Contains("UTC", TimeZones.Choices);
        Assert.Equal("America/Chicago (UTC\u221206:00)", TimeZones.Label("America/Chicago", December2026));
        Assert.Equal("Asia/Kolkata (UTC+05:30)", TimeZones.Label("Asia/Kolkata", December2026));
    }

    [Fact]
    public void Bad_input_gets_a_message_not_an_exception()
    {
        var chicago = Reader("America/Chicago");
        Assert.IsType<LocalInput.Invalid>(chicago.Parse(""));
        Assert.IsType<LocalInput.Invalid>(chicago.Parse("tomorrow at nine"));
        Assert.IsType<LocalInput.Invalid>(chicago.Parse("2026-02-30T09:00"));
    }
}
