namespace CounselorSuite.Web.Domain;

public sealed class Practice : IInstallationWide
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Staff (admins and counselors) must sign in with a second factor.</summary>
    public bool RequireStaffTwoFactor { get; set; }

    /// <summary>Where the portal's quick exit goes: a neutral page chosen by the practice.</summary>
    public string QuickExitUrl { get; set; } = "https://www.bbc.com/weather";

    public int PortalInactivityMinutes { get; set; } = 15;

    /// <summary>Local help lines and resources, shown to clients (Markdown).</summary>
    public string HelpResources { get; set; } = "";

    public string AccentColor { get; set; } = "#2f6f73";
    public string ContactLine { get; set; } = "";

    // Records policy (sessions, notes and data rights feature).

    /// <summary>Admins may read clinical notes of every case. Off by default: notes are the counselors'.</summary>
    public bool AdminsMayReadNotes { get; set; }

    /// <summary>How long a client's records are kept after the last contact before they may be erased.</summary>
    public int RetentionYears { get; set; } = 7;

    /// <summary>The practice's time zone (an IANA id): every person's zone until they choose their own.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>How the practice writes times (a culture name such as en-US): 12- or 24-hour clock, first day of the week.</summary>
    public string Locale { get; set; } = "en-US";
}
